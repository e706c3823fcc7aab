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
});
