import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { UsersService } from '../identity/users.service.ts';
import { demoUsers, type DemoUser } from './demo.data.ts';
import type { SeededOrg } from './demo-org.seed.ts';

export interface SeededUsers {
  /** Usernames created by this run; empty when they all existed. */
  created: string[];
}

/**
 * Creates the demo users that do not exist yet, all with one password. Existing users are
 * left alone: their password is never reset by a second run.
 */
export async function seedDemoUsers(options: {
  db: Db;
  users: UsersService;
  org: SeededOrg;
  password: () => string;
}): Promise<SeededUsers> {
  const { db, users, org } = options;
  const existing = await db
    .selectFrom('users')
    .select(sql<string>`lower(username)`.as('name'))
    .where(
      sql<string>`lower(username)`,
      'in',
      demoUsers.map((u) => u.username),
    )
    .execute();
  const taken = new Set(existing.map((row) => row.name));
  const missing = demoUsers.filter((u) => !taken.has(u.username));
  if (missing.length === 0) return { created: [] };

  const password = options.password();
  const system = {
    actor: null,
    meta: { requestId: null, ip: null },
    // The seed is the system itself, acting from the command line.
    mayManage: async () => {},
  };
  for (const user of missing) {
    await users.create(system, {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      scope: scopeOf(user, org),
      locale: 'zh-CN',
      password,
      mustChangePassword: false,
    });
  }
  return { created: missing.map((u) => u.username) };
}

function scopeOf(user: DemoUser, org: SeededOrg) {
  const [firstDistrict] = org.districtIds;
  const [firstKg, , thirdKg] = org.kindergartenIds;
  switch (user.scope) {
    case 'city':
      return {};
    case 'district':
      return { districtId: firstDistrict ?? null };
    case 'kindergarten':
      return { kindergartenId: firstKg ?? null };
    case 'maintained':
      return { maintainedKindergartenIds: [firstKg, thirdKg].filter((id) => id !== undefined) };
  }
}
