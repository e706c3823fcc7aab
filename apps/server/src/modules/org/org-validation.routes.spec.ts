import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { orgKit, type OrgKit } from './org-test-kit.ts';

describe.each(backends)('organisation input checks on %s', (backend) => {
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

  it('answers bad input with 400 naming the fields', async () => {
    const { call, admin, org } = k;
    const response = await call(admin, 'POST', '/api/kindergartens', {
      districtId: org.districtId,
      name: '  ',
      address: 'x',
      type: 'charter',
      childrenCount: -3,
    });

    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { fields: { field: string }[] }).fields.map(
      (f) => f.field,
    );
    expect(fields).toEqual(
      expect.arrayContaining(['body.name', 'body.type', 'body.childrenCount']),
    );
  });

  it('marks toilets and changing rooms never filmed and refuses to set the flag', async () => {
    const toilet = await addArea({ name: 'Toilet A', kind: 'toilet' });
    const changing = await addArea({ name: 'Changing', kind: 'changing_room' });
    const forced = await k.call(k.principal, 'PATCH', `/api/areas/${String(toilet.body.id)}`, {
      neverFilmed: false,
    });

    expect(toilet.body).toMatchObject({ neverFilmed: true });
    expect(changing.body).toMatchObject({ neverFilmed: true });
    expect(forced.status).toBe(400);
    expect(JSON.stringify(forced.body.details)).toContain('body.neverFilmed');
    const stored = await k.call(k.principal, 'GET', `/api/areas/${String(toilet.body.id)}`);
    expect(stored.body).toMatchObject({ neverFilmed: true });
  });

  it('refuses an unknown kind and an empty name with the fields named', async () => {
    const response = await addArea({ name: '', kind: 'ballroom' });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.details)).toContain('body.kind');
    expect(JSON.stringify(response.body.details)).toContain('body.name');
  });
});
