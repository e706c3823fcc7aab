import type {
  DistrictCompliance,
  FloorCoverageView,
  FloorPlanView,
  KindergartenCompliance,
  PlacementAdviceView,
  PlanCamera,
} from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { coverageKit, samplePlan, type CoverageKit } from './coverage.test-kit.ts';

const cornerCamera = {
  name: 'Class 1 corner',
  type: 'fixed',
  x: 0.01,
  y: 0.01,
  mountHeight: 2.8,
  direction: 45,
  fov: 90,
  range: 20,
  resolutionX: 1920,
};

describe('coverage API', () => {
  let t: TestApp;
  let kit: CoverageKit;
  let planUrl: string;
  let cameraId: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = await coverageKit(t);
    planUrl = `/api/coverage/floors/${kit.floorId}/plan`;
  });
  afterAll(async () => t?.close());

  const audited = async (action: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'resource_id'])
      .where('action', '=', action)
      .execute();

  it('lets the principal draw the plan and place a camera, each change audited', async () => {
    const saved = await kit.call(kit.principal, 'PUT', planUrl, samplePlan(kit));
    expect(saved.status).toBe(200);
    const plan = saved.body as unknown as FloorPlanView;
    expect(plan.version).toBe(1);
    expect(plan.areas.find((a) => a.id === kit.corridorId)?.requiredLevel).toBe('recognise');

    const placed = await kit.call(
      kit.principal,
      'POST',
      `${planUrl.replace('/plan', '')}/cameras`,
      cornerCamera,
    );
    expect(placed.status).toBe(201);
    cameraId = (placed.body as unknown as PlanCamera).id;

    expect(await audited('coverage.plan.create')).toHaveLength(1);
    expect(await audited('coverage.camera.place')).toEqual([
      { action: 'coverage.camera.place', outcome: 'succeeded', resource_id: cameraId },
    ]);
  });

  it('computes shares, the level reached, dead zones and the privacy violation', async () => {
    const res = await kit.call(
      kit.principal,
      'GET',
      `/api/coverage/floors/${kit.floorId}/coverage`,
    );
    expect(res.status).toBe(200);
    const cov = res.body as unknown as FloorCoverageView;
    const classroom = cov.areas.find((a) => a.areaId === kit.classroomId)!;
    const corridor = cov.areas.find((a) => a.areaId === kit.corridorId)!;

    // The corner camera sees the whole classroom; at 10 m its far corner gets 96 px/m.
    expect(classroom.coveredShare).toBeGreaterThan(0.99);
    expect(classroom.reachedLevel).toBe('observe');
    expect(classroom.shareByLevel.identify).toBeLessThan(0.5);
    // Only a wedge of the corridor is seen through the classroom door.
    expect(corridor.coveredShare).toBeLessThan(0.3);
    expect(corridor.reachedLevel).toBeNull();
    expect(cov.deadZones.every((z) => z.areaM2 >= 0.25)).toBe(true);
    expect(cov.deadZones.some((z) => z.areaId === kit.corridorId)).toBe(true);
    expect(cov.areas.some((a) => a.areaId === kit.toiletId)).toBe(false);
    expect(cov.violations).toHaveLength(1);
    expect(cov.violations[0]).toMatchObject({ cameraId, areaId: kit.toiletId });
    expect(cov.sights[0]?.bands.map((b) => b.level)).toEqual([
      'detect',
      'observe',
      'recognise',
      'identify',
    ]);
  });

  it('suggests wall positions that shrink the dead zones, each with what it adds', async () => {
    const url = `/api/coverage/floors/${kit.floorId}/advice?count=2`;
    const res = await kit.call(kit.principal, 'GET', url);
    expect(res.status).toBe(200);
    const advice = res.body as unknown as PlacementAdviceView;
    expect(advice.candidates).toBeGreaterThan(10);
    expect(advice.suggestions.length).toBeGreaterThan(0);
    const added = advice.suggestions.reduce((s, x) => s + x.addedM2, 0);
    // Slivers left by a suggestion drop out of the dead area, so it shrinks by at least that.
    expect(advice.deadM2After).toBeLessThanOrEqual(advice.deadM2Before - added + 1e-6);
    expect(advice.deadM2After).toBeLessThan(advice.deadM2Before);
    expect(advice.suggestions[0]!.byArea.some((b) => b.areaId === kit.corridorId)).toBe(true);
  });

  it('names the element at fault and changes nothing', async () => {
    const plan = samplePlan(kit);
    const zeroWall = {
      ...plan,
      walls: [{ id: 'w-zero', a: { x: 1, y: 1 }, b: { x: 1, y: 1 }, thickness: 0.2 }],
    };
    const bowtie = [
      { x: 0, y: 0 },
      { x: 8, y: 6 },
      { x: 8, y: 0 },
      { x: 0, y: 6 },
    ];
    const crossed = { ...plan, areas: [{ areaId: kit.classroomId, polygon: bowtie }] };
    const r1 = await kit.call(kit.principal, 'PUT', planUrl, zeroWall);
    const r2 = await kit.call(kit.principal, 'PUT', planUrl, crossed);
    expect(r1.status).toBe(400);
    expect(JSON.stringify(r1.body)).toContain('body.walls.0 (w-zero)');
    expect(JSON.stringify(r1.body)).toContain('WALL_ZERO_LENGTH');
    expect(r2.status).toBe(400);
    expect(JSON.stringify(r2.body)).toContain('POLYGON_SELF_INTERSECTING');
    expect(JSON.stringify(r2.body)).toContain(`body.areas.0 (${kit.classroomId})`);

    const cams = `/api/coverage/floors/${kit.floorId}/cameras`;
    const outside = await kit.call(kit.principal, 'POST', cams, { ...cornerCamera, x: 30 });
    const wide = await kit.call(kit.principal, 'POST', cams, { ...cornerCamera, fov: 200 });
    const noFov = await kit.call(kit.principal, 'POST', cams, { ...cornerCamera, fov: undefined });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.body)).toContain('CAMERA_OUTSIDE_PLAN');
    expect(wide.status).toBe(400);
    expect(JSON.stringify(wide.body)).toContain('CAMERA_BAD_FOV');
    expect(noFov.body).toMatchObject({ code: 'VALIDATION_FAILED' });

    const now = await kit.call(kit.principal, 'GET', planUrl);
    expect((now.body as unknown as FloorPlanView).version).toBe(1);
    expect((now.body as unknown as FloorPlanView).cameras).toHaveLength(1);
  });

  it('derives the field of view from focal length and sensor width', async () => {
    const { fov: _fov, ...rest } = cornerCamera;
    const lens = { focalLengthMm: 4, sensorWidthMm: 5.76 };
    const res = await kit.call(kit.principal, 'PUT', `/api/coverage/cameras/${cameraId}`, {
      ...rest,
      lens,
    });
    expect(res.status).toBe(200);
    // 2·atan(5.76 / 8) = 71.5°
    expect((res.body as unknown as PlanCamera).fov).toBeCloseTo(71.53, 1);
  });

  it('keeps each role to its scope', async () => {
    const other = await kit.call(kit.otherPrincipal, 'GET', planUrl);
    expect(other.status).toBe(404);
    const maintainerRead = await kit.call(kit.maintainer, 'GET', planUrl);
    expect(maintainerRead.status).toBe(200);
    const maintainerWrite = await kit.call(kit.maintainer, 'PUT', planUrl, samplePlan(kit));
    expect(maintainerWrite.status).toBe(403);
    const reviewerWrite = await kit.call(kit.reviewer, 'PUT', planUrl, samplePlan(kit));
    expect(reviewerWrite.status).toBe(403);
    const principalDistrict = await kit.call(
      kit.principal,
      'GET',
      `/api/compliance/districts/${kit.org.districtId}`,
    );
    expect(principalDistrict.status).toBe(403);
    const denied = await audited('coverage.manage');
    expect(denied.filter((d) => d.outcome === 'denied')).toHaveLength(2);
  });

  it('reports compliance per kindergarten and per district to the reviewer', async () => {
    const kg = await kit.call(
      kit.reviewer,
      'GET',
      `/api/compliance/kindergartens/${kit.org.kindergartenId}`,
    );
    expect(kg.status).toBe(200);
    const report = kg.body as unknown as KindergartenCompliance;
    expect(report.share).toBeGreaterThan(0.5);
    expect(report.share).toBeLessThan(1);
    expect(report.keyShare).toBeLessThan(0.3);
    expect(report.violationCount).toBe(1);
    expect(report.violations[0]).toMatchObject({
      cameraName: 'Class 1 corner',
      areaName: 'Toilet',
    });
    expect(report.deadZoneM2).toBeGreaterThan(10);

    const district = await kit.call(
      kit.reviewer,
      'GET',
      `/api/compliance/districts/${kit.org.districtId}`,
    );
    expect(district.status).toBe(200);
    const d = district.body as unknown as DistrictCompliance;
    expect(d.kindergartens).toHaveLength(1);
    expect(d.share).toBeCloseTo(report.share!, 9);
    const otherDistrict = await kit.call(
      kit.reviewer,
      'GET',
      `/api/compliance/districts/${kit.org.otherDistrictId}`,
    );
    expect(otherDistrict.status).toBe(404);
  });

  it('lets the city administrator change the level an area kind needs', async () => {
    const body = { levels: [{ kind: 'classroom', level: 'identify' }] };
    const refused = await kit.call(kit.principal, 'PUT', '/api/coverage/required-levels', body);
    expect(refused.status).toBe(403);
    const read = await kit.call(kit.principal, 'GET', '/api/coverage/required-levels');
    expect(read.body).toMatchObject({
      levels: expect.arrayContaining([{ kind: 'gate', level: 'identify', isDefault: true }]),
    });
    const res = await kit.call(kit.admin, 'PUT', '/api/coverage/required-levels', body);
    expect(res.status).toBe(200);
    const cov = await kit.call(
      kit.principal,
      'GET',
      `/api/coverage/floors/${kit.floorId}/coverage`,
    );
    const classroom = (cov.body as unknown as FloorCoverageView).areas.find(
      (a) => a.areaId === kit.classroomId,
    );
    expect(classroom?.requiredLevel).toBe('identify');
    expect(classroom?.coveredShare).toBeLessThan(0.5);
    await kit.call(kit.admin, 'PUT', '/api/coverage/required-levels', {
      levels: [{ kind: 'classroom', level: 'observe' }],
    });
  });
});

describe('floor plan background image', () => {
  let t: TestApp;
  let kit: CoverageKit;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = await coverageKit(t);
    await kit.call(
      kit.principal,
      'PUT',
      `/api/coverage/floors/${kit.floorId}/plan`,
      samplePlan(kit),
    );
    url = `/api/coverage/floors/${kit.floorId}/background`;
  });
  afterAll(async () => t?.close());

  const upload = (type: string, payload: Buffer | string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'PUT',
      url,
      headers: { ...kit.principal.headers, 'content-type': type, ...headers },
      payload,
    });

  it('documents the routes in the OpenAPI document', async () => {
    const openapi = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(Object.keys(openapi.json<{ paths: object }>().paths)).toEqual(
      expect.arrayContaining([
        '/api/coverage/floors/{floorId}/plan',
        '/api/coverage/floors/{floorId}/background',
        '/api/compliance/districts/{id}',
      ]),
    );
  });

  it('refuses an oversized upload by its declared length', async () => {
    const res = await upload('image/png', Buffer.alloc(64), {
      'content-length': String(6 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses active SVG and bytes that are not what they claim', async () => {
    const script = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const handler = '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>';
    expect((await upload('image/svg+xml', script)).statusCode).toBe(400);
    expect((await upload('image/svg+xml', handler)).statusCode).toBe(400);
    expect((await upload('image/png', '<svg></svg>')).statusCode).toBe(415);
    const plan = await kit.call(kit.principal, 'GET', `/api/coverage/floors/${kit.floorId}/plan`);
    expect(plan.body).toMatchObject({ background: null });
  });

  it('stores a drawing and serves it inert', async () => {
    const svg =
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">' +
      '<rect x="1" y="1" width="118" height="78" fill="none" stroke="#333"/></svg>';
    const res = await upload('image/svg+xml', svg);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      background: { contentType: 'image/svg+xml', bytes: svg.length },
    });
    const got = await t.app.inject({ method: 'GET', url, headers: kit.reviewer.headers });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/svg+xml');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.body).toBe(svg);
    const rows = await t.platform.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'coverage.background.upload')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
