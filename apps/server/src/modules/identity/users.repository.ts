import type { Actor, Resource, Role, User } from '@gardenwatch/contracts';
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

export type DbOrTx = Db | Transaction<Database>;

/** Roles whose scope is one kindergarten; their district is the kindergarten's. */
export const kindergartenRoles: ReadonlySet<Role> = new Set([
  'principal',
  'security_officer',
  'parent',
]);

type UserQueryEb = ExpressionBuilder<
  Database & { u: Database['users']; k: Database['kindergartens'] },
  'u' | 'k'
>;

const maintainedIds = (eb: UserQueryEb) =>
  eb
    .selectFrom('maintainer_assignments as m')
    .select(
      sql<
        string[]
      >`coalesce(json_agg(m.kindergarten_id order by m.kindergarten_id), '[]'::json)`.as('ids'),
    )
    .whereRef('m.user_id', '=', 'u.id');

/** Users with their effective district and the kindergartens a maintainer looks after. */
export function selectUsers(db: DbOrTx) {
  return db
    .selectFrom('users as u')
    .leftJoin('kindergartens as k', 'k.id', 'u.kindergarten_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.district_id',
      'u.kindergarten_id',
      'u.locale',
      'u.must_change_password',
      'u.disabled_at',
      'u.created_at',
      'u.updated_at',
      'k.district_id as kindergarten_district_id',
    ])
    .select((eb) => maintainedIds(eb).as('maintained'));
}

export type UserRow = Awaited<
  ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>
>;

/** The district a user belongs to: their kindergarten's for kindergarten roles. */
export const effectiveDistrictSql = sql<string | null>`coalesce(u.district_id, k.district_id)`;

export function toUser(row: UserRow): User {
  const role = row.role as Role;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    districtId: kindergartenRoles.has(role) ? row.kindergarten_district_id : row.district_id,
    kindergartenId: row.kindergarten_id,
    maintainedKindergartenIds: row.maintained ?? [],
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    mustChangePassword: row.must_change_password,
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toActor(user: User): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtId: user.districtId,
    kindergartenId: user.kindergartenId,
    maintainedKindergartenIds: user.maintainedKindergartenIds,
  };
}

/** The user as a resource of authorisation. */
export function userResource(user: Pick<User, 'role' | 'districtId' | 'kindergartenId'>): Resource {
  return {
    kind: 'user',
    role: user.role,
    districtId: user.districtId,
    kindergartenId: user.kindergartenId,
  };
}

export function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
}

const credentials = (db: DbOrTx) =>
  db.selectFrom('users').select(['id', 'username', 'role', 'password_hash', 'disabled_at']);

export function findCredentials(db: DbOrTx, username: string) {
  return credentials(db)
    .where(sql<string>`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findCredentialsById(db: DbOrTx, id: string) {
  return credentials(db).where('id', '=', id).executeTakeFirst();
}
