import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  seedTestOrg,
  signIn,
  type SignedIn,
  type TestOrg,
} from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { makeIdentityNumber } from './identity-number.ts';

const HEADER = '姓名,身份证号,岗位,学历,教师资格证号,资格证有效期至,入职日期,离职日期,月工资(元)';

describe.each(backends)('staff and blacklist over HTTP on %s', (backend) => {
  let t: TestApp;
  let org: TestOrg;
  let admin: SignedIn;
  let principal: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(backend);
    org = await seedTestOrg(t.platform);
    await createUser(t.platform, { role: 'city_admin', username: 'admin' });
    await createUser(t.platform, {
      role: 'principal',
      username: 'p1',
      kindergartenId: org.kindergartenId,
    });
    admin = await signIn(t.app, 'admin');
    principal = await signIn(t.app, 'p1');
  });
  afterAll(async () => t.close());

  it('imports a roster sent as the request body, dry run first', async () => {
    const csv = [
      HEADER,
      `王芳,${makeIdentityNumber('440305', '1990-01-02', 7)},教师,本科,,,2019-09-01,,8500`,
    ].join('\n');
    const url = `/api/staff/imports?kindergartenId=${org.kindergartenId}`;
    const headers = { ...principal.headers, 'content-type': 'text/csv' };

    const dry = await t.app.inject({ method: 'POST', url, headers, payload: csv });
    const real = await t.app.inject({
      method: 'POST',
      url: `${url}&mode=all`,
      headers,
      payload: csv,
    });

    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ written: false, created: 1 });
    expect(real.json()).toMatchObject({ written: true, created: 1 });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/staff?kindergartenId=${org.kindergartenId}`,
      headers: principal.headers,
    });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ name: '王芳', identityNumber: expect.stringMatching(/^440305\*{8}\d{3}[\dX]$/) }],
    });
  });

  it('refuses a roster over the size limit with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/staff/imports?kindergartenId=${org.kindergartenId}`,
      headers: { ...principal.headers, 'content-type': 'text/csv' },
      payload: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41),
    });
    expect(response.statusCode).toBe(413);
  });

  it('keeps the blacklist to city administrators and answers a hiring check with two words', async () => {
    const barred = makeIdentityNumber('440305', '1985-05-05', 11);
    const entry = {
      identityNumber: barred,
      name: 'X',
      reason: 'violence',
      decisionDocument: 'D-1',
      decisionAuthority: 'City bureau',
      decisionDate: '2026-01-01',
      until: null,
    };
    const byPrincipal = await t.app.inject({
      method: 'POST',
      url: '/api/blacklist',
      headers: principal.headers,
      payload: entry,
    });
    const byAdmin = await t.app.inject({
      method: 'POST',
      url: '/api/blacklist',
      headers: admin.headers,
      payload: entry,
    });
    expect(byPrincipal.statusCode).toBe(403);
    expect(byAdmin.statusCode).toBe(201);

    const check = await t.app.inject({
      method: 'POST',
      url: '/api/hiring-checks',
      headers: principal.headers,
      payload: {
        kindergartenId: org.kindergartenId,
        identityNumber: barred,
        name: 'X',
        consentReference: 'C-9',
      },
    });
    expect(check.statusCode).toBe(201);
    expect(Object.keys(check.json<object>()).sort()).toEqual(['checkId', 'message', 'result']);
    expect(check.json()).toMatchObject({ result: 'not_eligible' });
  });

  it('sends exports as CSV attachments', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/staff/export.csv?kindergartenId=${org.kindergartenId}`,
      headers: principal.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    expect(response.body).toContain('王芳');
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(openapi.json<{ paths: object }>().paths)).toEqual(
      expect.arrayContaining([
        '/api/staff/imports',
        '/api/hiring-checks',
        '/api/blacklist/{id}/appeal',
      ]),
    );
  });
});
