import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { orgKit, type OrgKit } from './org-test-kit.ts';

interface Row {
  id: string;
  [key: string]: unknown;
}

describe.each(backends)('buildings, floors and areas on %s', (backend) => {
  let t: TestApp;
  let k: OrgKit;
  let floorId: string;
  beforeAll(async () => {
    t = await createTestApp(backend);
    k = await orgKit(t);
    const building = await k.call(k.principal, 'POST', '/api/buildings', {
      kindergartenId: k.org.kindergartenId,
      name: 'Main building',
    });
    const floor = await k.call(k.principal, 'POST', '/api/floors', {
      buildingId: building.body.id,
      name: 'Ground floor',
      level: 1,
    });
    floorId = String(floor.body.id);
  });
  afterAll(async () => t.close());

  const addArea = (body: Record<string, unknown>) =>
    k.call(k.principal, 'POST', '/api/areas', { floorId, ...body });

  it('defaults the key-area flag by kind and lets the principal override it', async () => {
    const gate = await addArea({ name: 'Front gate', kind: 'gate' });
    const room = await addArea({ name: 'Class 1', kind: 'classroom' });
    const keyRoom = await addArea({ name: 'Class 2', kind: 'classroom', isKey: true });
    const quietKitchen = await addArea({ name: 'Kitchen', kind: 'kitchen', isKey: false });

    expect(gate).toMatchObject({ status: 201, body: { isKey: true, neverFilmed: false } });
    expect(room.body).toMatchObject({ isKey: false });
    expect(keyRoom.body).toMatchObject({ isKey: true });
    expect(quietKitchen.body).toMatchObject({ isKey: false });

    const moved = await k.call(k.principal, 'PATCH', `/api/areas/${String(room.body.id)}`, {
      kind: 'corridor',
    });
    expect(moved.body).toMatchObject({ kind: 'corridor', isKey: true });
  });

  it('renames, archives and restores at each level, hiding archived rows from lists', async () => {
    const { call, principal } = k;
    const building = await call(principal, 'POST', '/api/buildings', {
      kindergartenId: k.org.kindergartenId,
      name: 'Annex',
    });
    const id = String(building.body.id);
    const floor = await call(principal, 'POST', '/api/floors', {
      buildingId: id,
      name: 'First',
      level: 2,
    });
    const area = await call(principal, 'POST', '/api/areas', {
      floorId: floor.body.id,
      name: 'Office',
      kind: 'office',
    });

    const levels = [
      ['buildings', building, 'name'],
      ['floors', floor, 'level'],
      ['areas', area, 'name'],
    ] as const;
    for (const [path, row, field] of levels) {
      const value = field === 'level' ? 3 : `${String(row.body.name)} renamed`;
      const patched = await call(principal, 'PATCH', `/api/${path}/${String(row.body.id)}`, {
        [field]: value,
      });
      expect(patched.body[field]).toBe(value);
    }
    for (const [path, row] of [...levels].reverse()) {
      const archived = await call(principal, 'POST', `/api/${path}/${String(row.body.id)}/archive`);
      expect(archived.body.archivedAt).toEqual(expect.any(String));
    }

    const buildings = await call(
      principal,
      'GET',
      `/api/buildings?kindergartenId=${k.org.kindergartenId}`,
    );
    expect((buildings.body.items as Row[]).map((b) => b.id)).not.toContain(id);
    const floorUnderArchived = await call(principal, 'POST', '/api/areas', {
      floorId: floor.body.id,
      name: 'Late',
      kind: 'office',
    });
    expect(floorUnderArchived.status).toBe(409);
    const restoreAreaFirst = await call(
      principal,
      'POST',
      `/api/areas/${String(area.body.id)}/restore`,
    );
    expect(restoreAreaFirst.body).toMatchObject({
      code: 'CONFLICT',
      details: { field: 'floorId' },
    });
    expect((await call(principal, 'POST', `/api/buildings/${id}/restore`)).status).toBe(200);
    const all = await call(
      principal,
      'GET',
      `/api/buildings?kindergartenId=${k.org.kindergartenId}`,
    );
    expect((all.body.items as Row[]).map((b) => b.id)).toContain(id);
  });

  it('refuses a duplicate name on one floor with 409 naming the field', async () => {
    await addArea({ name: 'Nap room', kind: 'nap_room' });
    const again = await addArea({ name: 'Nap room', kind: 'nap_room' });

    expect(again).toMatchObject({ status: 409, body: { details: { field: 'name' } } });
  });

  it('creates a floor with its areas all or nothing', async () => {
    const { call, principal, org } = k;
    const building = await call(principal, 'POST', '/api/buildings', {
      kindergartenId: org.kindergartenId,
      name: 'East wing',
    });
    const auditBefore = await t.platform.db.selectFrom('audit_log').select('seq').execute();

    const failed = await call(principal, 'POST', '/api/floors', {
      buildingId: building.body.id,
      name: 'Second',
      level: 2,
      areas: [
        { name: 'Stairs', kind: 'stairs' },
        { name: 'Stairs', kind: 'stairs' },
      ],
    });

    expect(failed.status).toBe(409);
    const floors = await t.platform.db
      .selectFrom('floors')
      .select('id')
      .where('building_id', '=', String(building.body.id))
      .execute();
    const stairs = await t.platform.db
      .selectFrom('areas')
      .select('id')
      .where('name', '=', 'Stairs')
      .execute();
    const auditAfter = await t.platform.db.selectFrom('audit_log').select('seq').execute();
    expect(floors).toEqual([]);
    expect(stairs).toEqual([]);
    expect(auditAfter.length).toBe(auditBefore.length);

    const created = await call(principal, 'POST', '/api/floors', {
      buildingId: building.body.id,
      name: 'Second',
      level: 2,
      areas: [
        { name: 'Stairs', kind: 'stairs' },
        { name: 'Class 3', kind: 'classroom' },
      ],
    });
    expect(created.status).toBe(201);
    const areas = await call(principal, 'GET', `/api/areas?floorId=${String(created.body.id)}`);
    expect((areas.body.items as Row[]).map((a) => [a.name, a.isKey])).toEqual([
      ['Class 3', false],
      ['Stairs', true],
    ]);
  });

  it('shows a principal nothing of another kindergarten', async () => {
    const { call, otherPrincipal, org } = k;
    const kg = org.kindergartenId;

    expect((await call(otherPrincipal, 'GET', `/api/kindergartens/${kg}`)).status).toBe(404);
    expect((await call(otherPrincipal, 'GET', `/api/kindergartens/${kg}/page`)).status).toBe(404);
    expect((await call(otherPrincipal, 'GET', `/api/areas/${floorId}`)).status).toBe(404);
    expect((await call(otherPrincipal, 'GET', `/api/floors/${floorId}`)).status).toBe(404);
    expect((await call(otherPrincipal, 'GET', `/api/buildings?kindergartenId=${kg}`)).status).toBe(
      404,
    );
    const added = await call(otherPrincipal, 'POST', '/api/buildings', {
      kindergartenId: kg,
      name: 'Intruder',
    });
    expect(added.status).toBe(404);
    const list = await call(otherPrincipal, 'GET', '/api/kindergartens');
    expect((list.body.items as Row[]).map((x) => x.id)).toEqual([org.otherKindergartenId]);
    const tree = await call(otherPrincipal, 'GET', '/api/org/tree');
    expect(JSON.stringify(tree.body)).not.toContain(kg);
    expect(JSON.stringify(tree.body)).toContain(org.otherKindergartenId);
  });

  it('lets a parent read the layout but not change it', async () => {
    const { call, parent, org } = k;
    const page = await call(parent, 'GET', `/api/kindergartens/${org.kindergartenId}/page`);
    const add = await call(parent, 'POST', '/api/buildings', {
      kindergartenId: org.kindergartenId,
      name: 'Shed',
    });

    expect(page.status).toBe(200);
    expect(add.status).toBe(403);
  });

  it('answers the kindergarten page and the tree with nested rows and counts', async () => {
    const { call, admin, org } = k;
    const page = await call(admin, 'GET', `/api/kindergartens/${org.kindergartenId}/page`);
    const tree = await call(admin, 'GET', '/api/org/tree');

    expect(page.status).toBe(200);
    const buildings = page.body.buildings as { name: string; floors: { areas: Row[] }[] }[];
    const main = buildings.find((b) => b.name === 'Main building');
    const names = main?.floors[0]?.areas.map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['Front gate', 'Class 2']));
    expect(page.body.district).toMatchObject({ id: org.districtId, cityId: org.cityId });
    const annex = buildings.find((b) => b.name === 'Annex renamed');
    expect(annex?.floors).toEqual([]);
    const cities = tree.body.cities as {
      districtCount: number;
      districts: { id: string; kindergartens: Row[] }[];
    }[];
    expect(cities[0]?.districtCount).toBe(2);
    const mine = cities[0]?.districts.find((d) => d.id === org.districtId);
    const kg = mine?.kindergartens.find((x) => x.id === org.kindergartenId);
    const areaTotal = buildings.flatMap((b) => b.floors.flatMap((f) => f.areas)).length;
    expect(kg).toMatchObject({ buildingCount: buildings.length, areaCount: areaTotal });
  });
});
