import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { orgKit, type OrgKit } from './org-test-kit.ts';

describe.each(backends)('districts and kindergartens on %s', (backend) => {
  let t: TestApp;
  let k: OrgKit;
  beforeAll(async () => {
    t = await createTestApp(backend);
    k = await orgKit(t);
  });
  afterAll(async () => t.close());

  it('creates, renames, lists, archives and restores a district', async () => {
    const { call, admin, org } = k;
    const created = await call(admin, 'POST', '/api/districts', {
      cityId: org.cityId,
      name: 'East',
      adminCode: '330104',
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);

    const renamed = await call(admin, 'PATCH', `/api/districts/${id}`, { name: 'East Bank' });
    expect(renamed.body).toMatchObject({ id, name: 'East Bank', adminCode: '330104' });

    const archived = await call(admin, 'POST', `/api/districts/${id}/archive`);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const active = await call(admin, 'GET', '/api/districts');
    const all = await call(admin, 'GET', '/api/districts?includeArchived=true');
    expect(active.body.items?.map((d) => (d as { id: string }).id)).not.toContain(id);
    expect(all.body.items?.map((d) => (d as { id: string }).id)).toContain(id);
    expect((await call(admin, 'GET', `/api/districts/${id}`)).status).toBe(200);

    const restored = await call(admin, 'POST', `/api/districts/${id}/restore`);
    expect(restored.body.archivedAt).toBeNull();
  });

  it('refuses a second district of the same name or code with 409 naming the field', async () => {
    const { call, admin, org } = k;
    const byName = await call(admin, 'POST', '/api/districts', {
      cityId: org.cityId,
      name: 'North',
      adminCode: '330109',
    });
    const byCode = await call(admin, 'POST', '/api/districts', {
      cityId: org.cityId,
      name: 'Elsewhere',
      adminCode: '330102',
    });

    expect(byName.status).toBe(409);
    expect(byName.body).toMatchObject({ code: 'CONFLICT', details: { field: 'name' } });
    expect(byCode.body).toMatchObject({ code: 'CONFLICT', details: { field: 'adminCode' } });
  });

  it('derives the size grade and keeps an archived kindergarten readable only by admins', async () => {
    const { call, admin, principal, org } = k;
    const created = await call(admin, 'POST', '/api/kindergartens', {
      districtId: org.districtId,
      name: 'Little Stars',
      address: '8 River Road',
      type: 'inclusive_private',
      childrenCount: 400,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sizeGrade: 'extra_large', timezone: 'Asia/Shanghai' });
    const id = String(created.body.id);
    const smaller = await call(admin, 'PATCH', `/api/kindergartens/${id}`, { childrenCount: 200 });
    expect(smaller.body).toMatchObject({ childrenCount: 200, sizeGrade: 'medium' });

    await call(admin, 'POST', `/api/kindergartens/${org.kindergartenId}/archive`);
    const list = await call(admin, 'GET', `/api/kindergartens?districtId=${org.districtId}`);
    expect(list.body.items?.map((x) => (x as { id: string }).id)).toEqual([id]);
    expect((await call(admin, 'GET', `/api/kindergartens/${org.kindergartenId}`)).status).toBe(200);
    expect((await call(principal, 'GET', `/api/kindergartens/${org.kindergartenId}`)).status).toBe(
      404,
    );

    const child = await call(admin, 'POST', '/api/buildings', {
      kindergartenId: org.kindergartenId,
      name: 'Main',
    });
    expect(child.status).toBe(409);
    expect(child.body).toMatchObject({ details: { field: 'kindergartenId', reason: 'archived' } });
    const restored = await call(admin, 'POST', `/api/kindergartens/${org.kindergartenId}/restore`);
    expect(restored.body.archivedAt).toBeNull();
  });

  it('lets only the city administrator change districts and kindergartens', async () => {
    const { call, principal, org } = k;
    const rename = await call(principal, 'PATCH', `/api/kindergartens/${org.kindergartenId}`, {
      name: 'Mine',
    });
    const district = await call(principal, 'POST', '/api/districts', {
      cityId: org.cityId,
      name: 'West',
      adminCode: '330105',
    });

    expect(rename.status).toBe(403);
    expect(district.status).toBe(403);
    const denials = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denials).toEqual(
      expect.arrayContaining([
        { action: 'org.manage_kindergartens', outcome: 'denied' },
        { action: 'org.manage_districts', outcome: 'denied' },
      ]),
    );
  });

  it('answers unknown ids and routes with 404 JSON', async () => {
    const { call, admin } = k;
    const missing = await call(admin, 'GET', '/api/districts/00000000-0000-4000-8000-000000000000');
    const route = await call(admin, 'GET', '/api/districts/x/y/z');

    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(missing.body.requestId).toEqual(expect.any(String));
    expect(route).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('writes one audit row with each change', async () => {
    const { call, admin, org } = k;
    const count = async () =>
      (
        await t.platform.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', 'like', 'org.%')
          .execute()
      ).length;
    const before = await count();

    await call(admin, 'PATCH', `/api/districts/${org.districtId}`, { name: 'Northern' });
    await call(admin, 'POST', `/api/kindergartens/${org.otherKindergartenId}/archive`);
    await call(admin, 'POST', `/api/kindergartens/${org.otherKindergartenId}/restore`);

    expect(await count()).toBe(before + 3);
  });
});
