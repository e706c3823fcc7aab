import { CSRF_HEADER, SESSION_COOKIE, type Role, type SessionInfo } from '@gardenwatch/contracts';
import { hashPassword } from '../src/modules/identity/password.ts';
import type { Platform } from '../src/platform/context.ts';
import type { App } from '../src/platform/http/route.ts';

/** The password `createUser` gives when none is named. */
export const TEST_PASSWORD = 'correct horse battery';

export interface CreateUserOptions {
  role: Role;
  username: string;
  /** For principal, security officer and parent (their district follows the kindergarten). */
  kindergartenId?: string;
  /** For district reviewer and district police; also a maintainer's home district. */
  districtId?: string;
  /** For a maintainer: the kindergartens looked after. */
  maintainedKindergartenIds?: string[];
  password?: string;
}

/**
 * Writes a user straight into the database (no audit row, no authorisation) and returns its id.
 * The kindergarten or district named must exist. Stable signature: other modules' tests use it.
 */
export async function createUser(platform: Platform, options: CreateUserOptions): Promise<string> {
  const row = await platform.db
    .insertInto('users')
    .values({
      username: options.username,
      display_name: options.username,
      password_hash: await hashPassword(options.password ?? TEST_PASSWORD),
      role: options.role,
      district_id: options.districtId ?? null,
      kindergarten_id: options.kindergartenId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const kindergartenId of options.maintainedKindergartenIds ?? []) {
    await platform.db
      .insertInto('maintainer_assignments')
      .values({ user_id: row.id, kindergarten_id: kindergartenId })
      .execute();
  }
  return row.id;
}

export interface SignedIn {
  /** `gw_session=...`, for a `cookie` header. */
  cookie: string;
  csrfToken: string;
  /** Both headers a state-changing request needs: `{ cookie, 'x-csrf-token' }`. */
  headers: Record<string, string>;
  session: SessionInfo;
}

/**
 * Signs in through `POST /api/auth/login` and returns what later requests need, e.g.
 * `app.inject({ method: 'POST', url, headers: user.headers, payload })`. Throws on refusal.
 */
export async function signIn(
  app: App,
  username: string,
  password = TEST_PASSWORD,
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const value = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
  if (!value) throw new Error(`sign-in as ${username} set no ${SESSION_COOKIE} cookie`);
  const session = response.json<SessionInfo>();
  const cookie = `${SESSION_COOKIE}=${value}`;
  return {
    cookie,
    csrfToken: session.csrfToken,
    headers: { cookie, [CSRF_HEADER]: session.csrfToken },
    session,
  };
}

export interface TestOrg {
  cityId: string;
  districtId: string;
  kindergartenId: string;
  otherDistrictId: string;
  otherKindergartenId: string;
}

/** A city with two districts of one kindergarten each, written straight into the database. */
export async function seedTestOrg(platform: Platform): Promise<TestOrg> {
  const db = platform.db;
  const city = await db
    .insertInto('cities')
    .values({ name: 'Test City', admin_code: '330100' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const district = async (name: string, code: string) =>
    db
      .insertInto('districts')
      .values({ city_id: city.id, name, admin_code: code })
      .returning('id')
      .executeTakeFirstOrThrow();
  const kindergarten = async (districtId: string, name: string) =>
    db
      .insertInto('kindergartens')
      .values({
        district_id: districtId,
        name,
        address: '1 Test Road',
        type: 'public',
        children_count: 120,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const d1 = await district('North', '330102');
  const d2 = await district('South', '330103');
  const k1 = await kindergarten(d1.id, 'Sunflower');
  const k2 = await kindergarten(d2.id, 'Maple');
  return {
    cityId: city.id,
    districtId: d1.id,
    kindergartenId: k1.id,
    otherDistrictId: d2.id,
    otherKindergartenId: k2.id,
  };
}
