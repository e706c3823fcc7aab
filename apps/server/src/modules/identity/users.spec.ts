import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createUser,
  seedTestOrg,
  signIn,
  type SignedIn,
  type TestOrg,
} from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';

describe.each(backends)('users admin on %s', (backend) => {
  let t: TestApp;
  let org: TestOrg;
  let admin: SignedIn;
  let principal: SignedIn;
  beforeEach(async () => {
    t = await createTestApp(backend);
    org = await seedTestOrg(t.platform);
    await createUser(t.platform, { role: 'city_admin', username: 'admin' });
    await createUser(t.platform, {
      role: 'principal',
      username: 'principal',
      kindergartenId: org.kindergartenId,
    });
    admin = await signIn(t.app, 'admin');
    principal = await signIn(t.app, 'principal');
  });
  afterEach(async () => t.close());

  const post = (who: SignedIn, url: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });
  const officer = (kindergartenId: string, username = 'officer') => ({
    username,
    role: 'security_officer',
    scope: { kindergartenId },
  });
  const denials = () =>
    t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'resource_type'])
      .where('outcome', '=', 'denied')
      .execute();

  it('lets a principal create a security officer in their own kindergarten only', async () => {
    const own = await post(principal, '/api/users', officer(org.kindergartenId));
    const other = await post(principal, '/api/users', officer(org.otherKindergartenId, 'officer2'));
    const peer = await post(principal, '/api/users', {
      username: 'principal2',
      role: 'principal',
      scope: { kindergartenId: org.kindergartenId },
    });

    expect(own.statusCode).toBe(201);
    const created = own.json();
    expect(created.user).toMatchObject({
      username: 'officer',
      role: 'security_officer',
      kindergartenId: org.kindergartenId,
      districtId: org.districtId,
      mustChangePassword: true,
    });
    expect(created.password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(JSON.stringify(created)).not.toMatch(/argon2|password_hash|passwordHash/);
    expect(other.statusCode).toBe(403);
    expect(peer.statusCode).toBe(403);
    expect(await denials()).toEqual([
      { action: 'user.manage', actor_username: 'principal', resource_type: 'user' },
      { action: 'user.manage', actor_username: 'principal', resource_type: 'user' },
    ]);
    await signIn(t.app, 'officer', String(created.password));
  });

  it('refuses a parent the list of users, writing the denial', async () => {
    await createUser(t.platform, {
      role: 'parent',
      username: 'mum',
      kindergartenId: org.kindergartenId,
    });
    const parent = await signIn(t.app, 'mum');

    const list = await t.app.inject({ url: '/api/users', headers: parent.headers });

    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('FORBIDDEN');
    expect(await denials()).toEqual([
      { action: 'user.read', actor_username: 'mum', resource_type: 'kindergarten' },
    ]);
  });

  it('lists users within the caller’s scope, filtered, without password hashes', async () => {
    await createUser(t.platform, {
      role: 'parent',
      username: 'far',
      kindergartenId: org.otherKindergartenId,
    });
    await createUser(t.platform, {
      role: 'parent',
      username: 'near',
      kindergartenId: org.kindergartenId,
    });

    const byAdmin = await t.app.inject({ url: '/api/users?role=parent', headers: admin.headers });
    const byPrincipal = await t.app.inject({ url: '/api/users', headers: principal.headers });
    const search = await t.app.inject({ url: '/api/users?q=ea', headers: admin.headers });
    const south = await t.app.inject({
      url: `/api/users?districtId=${org.otherDistrictId}`,
      headers: admin.headers,
    });

    const names = (r: typeof byAdmin) =>
      r.json<{ items: { username: string }[] }>().items.map((u) => u.username);
    expect(names(byAdmin)).toEqual(['far', 'near']);
    expect(byAdmin.json().total).toBe(2);
    expect(names(byPrincipal)).toEqual(['near', 'principal']);
    expect(names(search)).toEqual(['near']);
    expect(names(south)).toEqual(['far']);
    expect(byAdmin.body).not.toContain('argon2');
  });

  it('changes display name, role and scope, checking both the old and the new place', async () => {
    const id = await createUser(t.platform, {
      role: 'parent',
      username: 'dad',
      kindergartenId: org.kindergartenId,
    });
    const patch = (who: SignedIn, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: who.headers, payload });

    const renamed = await patch(principal, { displayName: 'Dad', role: 'security_officer' });
    const moved = await patch(principal, { scope: { kindergartenId: org.otherKindergartenId } });
    const byAdmin = await patch(admin, {
      role: 'district_reviewer',
      scope: { districtId: org.otherDistrictId },
      locale: 'en',
    });

    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ displayName: 'Dad', role: 'security_officer' });
    expect(moved.statusCode).toBe(403);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toMatchObject({
      role: 'district_reviewer',
      districtId: org.otherDistrictId,
      kindergartenId: null,
      locale: 'en',
    });
  });

  it('disables a user: their sessions die and they cannot sign in', async () => {
    const id = await createUser(t.platform, {
      role: 'security_officer',
      username: 'leaver',
      kindergartenId: org.kindergartenId,
    });
    const leaver = await signIn(t.app, 'leaver');

    const disabled = await post(principal, `/api/users/${id}/disable`);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: leaver.cookie } });

    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).toBeTruthy();
    expect(me.statusCode).toBe(401);
    await expect(signIn(t.app, 'leaver')).rejects.toThrow(/401/);
    const reasons = await t.platform.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failed')
      .execute();
    expect(reasons.map((r) => r.details.reason)).toEqual(['disabled']);
  });

  it('resets a password: a new one shown once, old sessions ended', async () => {
    const id = await createUser(t.platform, {
      role: 'parent',
      username: 'forgetful',
      kindergartenId: org.kindergartenId,
    });
    const before = await signIn(t.app, 'forgetful');

    const reset = await post(admin, `/api/users/${id}/reset-password`);
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: before.cookie } });

    expect(reset.statusCode).toBe(200);
    expect(me.statusCode).toBe(401);
    const after = await signIn(t.app, 'forgetful', reset.json<{ password: string }>().password);
    expect(after.session.mustChangePassword).toBe(true);
  });

  it('answers 409 to a taken username and 404 to an unknown user', async () => {
    const taken = await post(admin, '/api/users', officer(org.kindergartenId, 'PRINCIPAL'));
    const missing = await post(admin, '/api/users/00000000-0000-4000-8000-00000000dead/disable');

    expect(taken.statusCode).toBe(409);
    expect(missing.statusCode).toBe(404);
  });

  it('names the field when a scope does not fit the role or the place does not exist', async () => {
    const noPlace = await post(admin, '/api/users', { username: 'xavier', role: 'principal' });
    const ghost = await post(admin, '/api/users', officer('00000000-0000-4000-8000-000000000000'));
    const badName = await post(admin, '/api/users', { username: 'a b', role: 'city_admin' });

    const fields = (r: typeof noPlace) =>
      (r.json().details.fields as { field: string }[]).map((f) => f.field);
    expect(noPlace.statusCode).toBe(400);
    expect(fields(noPlace)).toEqual(['body.scope.kindergartenId']);
    expect(ghost.statusCode).toBe(400);
    expect(fields(ghost)).toEqual(['body.scope.kindergartenId']);
    expect(badName.statusCode).toBe(400);
    expect(fields(badName)).toEqual(['body.username']);
  });

  it('writes every user change to the audit log', async () => {
    const created = await post(admin, '/api/users', officer(org.kindergartenId));
    const id = created.json().user.id as string;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin.headers,
      payload: { locale: 'en' },
    });
    await post(admin, `/api/users/${id}/reset-password`);
    await post(admin, `/api/users/${id}/disable`);

    const rows = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'actor_username'])
      .where('action', 'like', 'user.%')
      .orderBy('seq')
      .execute();
    expect(rows).toEqual(
      ['user.create', 'user.update', 'user.password.reset', 'user.disable'].map((action) => ({
        action,
        resource_id: id,
        actor_username: 'admin',
      })),
    );
  });
});
