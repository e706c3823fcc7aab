import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backends,
  createTestApp,
  createTestPlatform,
  type TestApp,
} from '../../../test/test-platform.ts';
import { buildApp } from '../../app.ts';
import { createUser, seedTestOrg, signIn, TEST_PASSWORD } from '../../../test/sign-in.ts';

describe.each(backends)('sessions on %s', (backend) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(backend);
    const org = await seedTestOrg(t.platform);
    await createUser(t.platform, {
      role: 'principal',
      username: 'Principal',
      kindergartenId: org.kindergartenId,
    });
  });
  afterEach(async () => t.close());

  const login = (username: string, password: string, extra: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      headers: extra,
    });

  it('signs in with a session cookie that scripts cannot read and other sites do not send', async () => {
    const response = await login('principal', TEST_PASSWORD);

    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'gw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = response.json();
    expect(body.actor).toMatchObject({ username: 'Principal', role: 'principal' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('marks the cookie Secure only when the request came over https', async () => {
    const proxied = { 'x-forwarded-proto': 'https' };
    const direct = await login('principal', TEST_PASSWORD, proxied);
    const behindProxy = await createTestPlatform(backend);
    behindProxy.platform.config = { ...behindProxy.platform.config, trustProxy: true };
    const { app } = await buildApp(behindProxy.platform, undefined);
    await seedTestOrg(behindProxy.platform).then((org) =>
      createUser(behindProxy.platform, {
        role: 'parent',
        username: 'p',
        kindergartenId: org.kindergartenId,
      }),
    );

    const viaTls = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'p', password: TEST_PASSWORD },
      headers: proxied,
    });
    await app.close();
    await behindProxy.close();

    // Without TRUST_PROXY the forwarded header is not believed: a plain http request.
    expect(direct.cookies.find((c) => c.name === 'gw_session')?.secure).toBeFalsy();
    expect(viaTls.statusCode).toBe(200);
    expect(viaTls.cookies.find((c) => c.name === 'gw_session')?.secure).toBe(true);
  });

  it('answers me with the actor and its scope, and 401 without a session', async () => {
    const user = await signIn(t.app, 'principal');

    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });
    const anonymous = await t.app.inject({ url: '/api/auth/me' });

    expect(me.statusCode).toBe(200);
    expect(me.json().actor.districtId).toBeTruthy();
    expect(me.json().csrfToken).toBe(user.csrfToken);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('AUTH_REQUIRED');
  });

  it('ends the session at sign-out', async () => {
    const user = await signIn(t.app, 'principal');

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: user.headers,
    });
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });

    expect(out.statusCode).toBe(200);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_SESSION_EXPIRED');
    const left = await t.platform.db.selectFrom('sessions').selectAll().execute();
    expect(left).toHaveLength(0);
  });

  it('ends a session unused for SESSION_TTL_HOURS, and slides the expiry of one in use', async () => {
    const user = await signIn(t.app, 'principal');
    const me = () => t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });
    const start = Date.now();
    const hours = (h: number) => new Date(start + h * 3.6e6);

    t.platform.now = () => hours(11);
    const stillIn = await me();
    t.platform.now = () => hours(22);
    const slid = await me();
    t.platform.now = () => hours(34.5);
    const expired = await me();

    expect(stillIn.statusCode).toBe(200);
    expect(slid.statusCode).toBe(200);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('AUTH_SESSION_EXPIRED');
    expect(expired.cookies.find((c) => c.name === 'gw_session')?.value).toBe('');
  });

  it('writes last_seen_at at most once a minute', async () => {
    const user = await signIn(t.app, 'principal');
    const lastSeen = async () =>
      (await t.platform.db.selectFrom('sessions').select('last_seen_at').executeTakeFirstOrThrow())
        .last_seen_at;
    const before = await lastSeen();
    const start = Date.now();

    t.platform.now = () => new Date(start + 30_000);
    await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });
    const after30s = await lastSeen();
    t.platform.now = () => new Date(start + 90_000);
    await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });
    const after90s = await lastSeen();

    expect(after30s).toEqual(before);
    expect(after90s.getTime()).toBe(start + 90_000);
  });

  it('answers 401 AUTH_REQUIRED to a malformed cookie, yet lets one sign in over it', async () => {
    const headers = { cookie: 'gw_session=%%%not-a-token' };

    const me = await t.app.inject({ url: '/api/auth/me', headers });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers,
      payload: { username: 'principal', password: TEST_PASSWORD },
    });

    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('AUTH_REQUIRED');
    expect(login.statusCode).toBe(200);
  });

  it('refuses a state change without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const user = await signIn(t.app, 'principal');
    const change = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' },
      });

    const missing = await change({ cookie: user.cookie });
    const wrong = await change({ cookie: user.cookie, 'x-csrf-token': 'x'.repeat(43) });

    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('AUTH_CSRF_FAILED');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('AUTH_CSRF_FAILED');
    await signIn(t.app, 'principal', TEST_PASSWORD);
    const refusals = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(refusals).toEqual([
      { action: 'auth.request', outcome: 'denied' },
      { action: 'auth.request', outcome: 'denied' },
    ]);
  });

  it('refuses a state change whose Origin is another site', async () => {
    const user = await signIn(t.app, 'principal');

    const foreign = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...user.headers, origin: 'https://evil.example' },
    });
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: user.cookie } });

    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('AUTH_CSRF_FAILED');
    expect(me.statusCode).toBe(200);
  });

  it('changes the password and ends the other sessions, keeping this one', async () => {
    const here = await signIn(t.app, 'principal');
    const elsewhere = await signIn(t.app, 'principal');

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: here.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' },
    });
    const meHere = await t.app.inject({ url: '/api/auth/me', headers: { cookie: here.cookie } });
    const meThere = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: elsewhere.cookie },
    });

    expect(changed.statusCode).toBe(200);
    expect(meHere.statusCode).toBe(200);
    expect(meThere.statusCode).toBe(401);
    await expect(signIn(t.app, 'principal', TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(t.app, 'principal', 'a brand new secret');
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', '=', 'auth.password.change')
      .execute();
    expect(audit).toEqual([{ action: 'auth.password.change', outcome: 'succeeded' }]);
  });

  it('refuses a password change with a wrong current password or a short new one', async () => {
    const user = await signIn(t.app, 'principal');
    const change = (payload: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: user.headers, payload });

    const wrong = await change({
      currentPassword: 'wrong one!',
      newPassword: 'a brand new secret',
    });
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'short' });

    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('AUTH_CURRENT_PASSWORD_WRONG');
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('VALIDATION_FAILED');
  });

  it('lets a user whose password must change do nothing else until it has', async () => {
    await t.platform.db.updateTable('users').set({ must_change_password: true }).execute();
    const user = await signIn(t.app, 'principal');

    const list = await t.app.inject({ url: '/api/users', headers: user.headers });
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: user.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new secret' },
    });
    const listAfter = await t.app.inject({ url: '/api/users', headers: user.headers });

    expect(user.session.mustChangePassword).toBe(true);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect(changed.statusCode).toBe(200);
    expect(listAfter.statusCode).toBe(200);
  });
});
