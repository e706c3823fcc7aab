import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  seedTestOrg,
  signIn,
  type SignedIn,
  type TestOrg,
} from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { makeIdentityNumber } from '../staff/identity-number.ts';

describe.each(backends)('notices over HTTP on %s', (backend) => {
  let t: TestApp;
  let org: TestOrg;
  let admin: SignedIn;
  let principal: SignedIn;
  let reviewer: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(backend);
    org = await seedTestOrg(t.platform);
    await createUser(t.platform, { role: 'city_admin', username: 'admin' });
    await createUser(t.platform, {
      role: 'principal',
      username: 'p1',
      kindergartenId: org.kindergartenId,
    });
    await createUser(t.platform, {
      role: 'district_reviewer',
      username: 'r1',
      districtId: org.districtId,
    });
    admin = await signIn(t.app, 'admin');
    principal = await signIn(t.app, 'p1');
    reviewer = await signIn(t.app, 'r1');
  });
  afterAll(async () => t.close());

  const notices = async (who: SignedIn) => {
    const r = await t.app.inject({ method: 'GET', url: '/api/notices', headers: who.headers });
    expect(r.statusCode).toBe(200);
    return r.json<{ items: { id: string; kind: string }[] }>().items;
  };

  it('a principal hiring check hit reaches the district reviewer only', async () => {
    const barred = makeIdentityNumber('440305', '1985-03-04', 41);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/blacklist',
      headers: admin.headers,
      payload: {
        identityNumber: barred,
        name: 'Barred',
        reason: 'violence',
        decisionDocument: 'D-1',
        decisionAuthority: 'A',
        decisionDate: '2026-03-01',
        until: null,
      },
    });
    expect(created.statusCode).toBe(201);
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
    expect(check.json()).toMatchObject({ result: 'not_eligible' });

    const seen = await notices(reviewer);
    expect(seen.map((n) => n.kind)).toEqual(['hiring_hit']);
    expect(JSON.stringify(seen)).not.toMatch(/violence|Barred|D-1/);
    expect(await notices(principal)).toEqual([]);

    const byPrincipal = await t.app.inject({
      method: 'POST',
      url: `/api/notices/${seen[0]?.id}/acknowledge`,
      headers: principal.headers,
    });
    expect(byPrincipal.statusCode).toBe(404);
    const byReviewer = await t.app.inject({
      method: 'POST',
      url: `/api/notices/${seen[0]?.id}/acknowledge`,
      headers: reviewer.headers,
    });
    expect(byReviewer.statusCode).toBe(200);
  });
});
