import type { GatewaySettings, GatewayState } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, seedTestOrg, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';

const VALID = {
  upperId: '44030000002000000001',
  upperDomain: '4403000000',
  upperHost: '192.0.2.10',
  upperPort: 5060,
  transport: 'udp',
  deviceId: '44030500112000000001',
  localPort: 15060,
  password: 'police-link-secret',
  enabled: false,
};

describe.each(backends)('gateway settings API on %s', (backend) => {
  let test: TestApp;
  let admin: SignedIn;
  let principal: SignedIn;
  let police: SignedIn;

  beforeAll(async () => {
    test = await createTestApp(backend);
    const org = await seedTestOrg(test.platform);
    await createUser(test.platform, { role: 'city_admin', username: 'admin' });
    await createUser(test.platform, {
      role: 'principal',
      username: 'principal',
      kindergartenId: org.kindergartenId,
    });
    await createUser(test.platform, { role: 'police', username: 'police' });
    admin = await signIn(test.app, 'admin');
    principal = await signIn(test.app, 'principal');
    police = await signIn(test.app, 'police');
  });
  afterAll(async () => test?.close());

  const put = (user: SignedIn, payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'PUT',
      url: '/api/gateway/settings',
      headers: user.headers,
      payload,
    });
  const get = (user: SignedIn, url = '/api/gateway/settings') =>
    test.app.inject({ url, headers: user.headers });
  const auditRows = (action: string) =>
    test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  const fieldsOf = (body: string) =>
    (JSON.parse(body) as { details: { fields: { field: string }[] } }).details.fields.map(
      (f) => f.field,
    );

  it('refuses bad input naming each field, and saves nothing', async () => {
    const response = await put(admin, {
      ...VALID,
      upperId: '4403',
      deviceId: '44030500132000000001',
      upperPort: 70000,
      transport: 'sctp',
      upperHost: 'bad host!',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(
      expect.arrayContaining([
        'body.upperId',
        'body.deviceId',
        'body.upperPort',
        'body.transport',
        'body.upperHost',
      ]),
    );
    expect(response.body).toContain('education industry code 11');

    const noPassword = await put(admin, { ...VALID, password: undefined });
    expect(noPassword.statusCode).toBe(400);
    expect(fieldsOf(noPassword.body)).toEqual(['body.password']);

    const same = await put(admin, { ...VALID, deviceId: VALID.upperId.replace('2000', '1120') });
    expect(same.statusCode).toBe(400);

    expect((await get(admin)).json<GatewaySettings>()).toMatchObject({
      hasPassword: false,
      updatedAt: null,
    });
    expect(await auditRows('gateway.settings.update')).toHaveLength(0);
  });

  it('lets only the city administrator read or change the settings, auditing refusals', async () => {
    for (const user of [principal, police]) {
      expect((await get(user)).statusCode).toBe(403);
      expect((await put(user, VALID)).statusCode).toBe(403);
      expect((await get(user, '/api/gateway/state')).statusCode).toBe(403);
    }
    const denied = await auditRows('gateway.manage');
    expect(denied).toHaveLength(6);
    expect(denied.every((row) => row.outcome === 'denied')).toBe(true);
    expect((await get(admin)).statusCode).toBe(200);
  });

  it('saves the settings with the password sealed, never returned, and audits the change', async () => {
    const saved = await put(admin, VALID);
    expect(saved.statusCode).toBe(200);
    expect(saved.json<GatewaySettings>()).toMatchObject({
      upperId: VALID.upperId,
      deviceId: VALID.deviceId,
      transport: 'udp',
      hasPassword: true,
      enabled: false,
    });
    expect(saved.body).not.toContain(VALID.password);
    expect((await get(admin)).body).not.toContain(VALID.password);

    const row = await test.platform.db
      .withTables<{ gateway_settings: { password_sealed: string } }>()
      .selectFrom('gateway_settings')
      .select('password_sealed')
      .executeTakeFirstOrThrow();
    expect(row.password_sealed).not.toContain(VALID.password);
    expect(test.platform.secrets.decrypt(row.password_sealed)).toBe(VALID.password);

    // Omitting the password keeps it; changing the port is audited by field name only.
    const changed = await put(admin, { ...VALID, password: undefined, upperPort: 5070 });
    expect(changed.json<GatewaySettings>()).toMatchObject({ upperPort: 5070, hasPassword: true });
    expect(await test.services.gateway.settings.config()).toMatchObject({
      password: VALID.password,
      upperPort: 5070,
    });

    const rows = await auditRows('gateway.settings.update');
    expect(rows.map((r) => r.details)).toEqual([
      expect.objectContaining({ passwordChanged: true, enabled: false }),
      expect.objectContaining({ changed: ['upperPort'], passwordChanged: false }),
    ]);
    expect(JSON.stringify(rows)).not.toContain(VALID.password);
    expect(JSON.stringify(test.logLines())).not.toContain(VALID.password);

    const state = (await get(admin, '/api/gateway/state')).json<GatewayState>();
    expect(state).toMatchObject({ registration: 'disabled', sessions: [] });
  });
});
