import type { Programme, ProgrammeProgress } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { coverageKit, type CoverageKit } from '../coverage/coverage.test-kit.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const rect = (x0: number, y0: number, x1: number, y1: number) => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

describe('construction programme', () => {
  let t: TestApp;
  let kit: CoverageKit;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp();
    kit = await coverageKit(t);
    url = `/api/programme/kindergartens/${kit.org.kindergartenId}`;
  });
  afterAll(async () => t?.close());

  const state = (p: Programme, key: string) => p.checklist.find((i) => i.key === key)?.state;

  it('starts outside the programme with nothing the system can confirm', async () => {
    const res = await kit.call(kit.principal, 'GET', url);
    expect(res.status).toBe(200);
    const p = res.body as unknown as Programme;
    expect(p.stage).toBeNull();
    expect(p.checklist.map((i) => [i.key, i.state])).toEqual([
      ['coverage', 'unknown'],
      ['recording', 'unknown'],
      ['retention', 'unknown'],
      ['police_sharing', 'unknown'],
    ]);
  });

  it('lets the district move the stage, not the principal, and refuses an early sign-off', async () => {
    const principal = await kit.call(kit.principal, 'PUT', `${url}/stage`, { stage: 'designed' });
    expect(principal.status).toBe(403);
    const moved = await kit.call(kit.reviewer, 'PUT', `${url}/stage`, { stage: 'installing' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'installing' });
    const accepted = await kit.call(kit.reviewer, 'PUT', `${url}/stage`, { stage: 'accepted' });
    expect(accepted.status).toBe(400);

    const early = await kit.call(kit.reviewer, 'POST', `${url}/sign-off`, { note: 'Looks fine' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT' });
    expect(JSON.stringify(early.body)).toContain('recording');
  });

  it('fills the checklist from coverage, recording, retention and the gateway, then accepts', async () => {
    await equipKindergarten(t, kit);
    const res = await kit.call(kit.reviewer, 'GET', url);
    const p = res.body as unknown as Programme;
    expect(p.checklist.map((i) => [i.key, i.state])).toEqual([
      ['coverage', 'passed'],
      ['recording', 'passed'],
      ['retention', 'passed'],
      ['police_sharing', 'passed'],
    ]);
    expect(p.checklist.find((i) => i.key === 'retention')?.facts.oldestDays).toBe(31);

    const byPrincipal = await kit.call(kit.principal, 'POST', `${url}/sign-off`, { note: 'ok' });
    expect(byPrincipal.status).toBe(403);
    const signed = await kit.call(kit.reviewer, 'POST', `${url}/sign-off`, { note: 'Inspected' });
    expect(signed.status).toBe(200);
    const after = signed.body as unknown as Programme;
    expect(after.stage).toBe('accepted');
    expect(after.signOff).toMatchObject({ byName: 'reviewer', note: 'Inspected' });
    expect(state(after, 'coverage')).toBe('passed');

    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', 'in', ['programme.manage', 'programme.stage.set', 'programme.sign_off'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => `${a.action}:${a.outcome}`)).toEqual([
      'programme.manage:denied',
      'programme.stage.set:succeeded',
      'programme.sign_off:denied',
      'programme.sign_off:succeeded',
    ]);
  });

  it('counts progress per district and for the city', async () => {
    const district = await kit.call(
      kit.reviewer,
      'GET',
      `/api/programme/districts/${kit.org.districtId}`,
    );
    expect(district.status).toBe(200);
    const d = district.body as unknown as ProgrammeProgress;
    expect(d.counts).toMatchObject({ accepted: 1, total: 1 });
    expect(d.groups[0]).toMatchObject({ id: kit.org.kindergartenId, stage: 'accepted' });

    const city = await kit.call(kit.admin, 'GET', '/api/programme/city');
    const c = city.body as unknown as ProgrammeProgress;
    expect(c.counts).toMatchObject({ accepted: 1, notStarted: 1, total: 2 });
    expect(c.groups).toHaveLength(2);

    const principal = await kit.call(kit.principal, 'GET', '/api/programme/city');
    expect(principal.status).toBe(403);
  });
});

/**
 * A corridor fully seen by a ceiling fisheye, a registry camera in it that has recorded for 31
 * days up to a moment ago, and the gateway to the police switched on.
 */
async function equipKindergarten(t: TestApp, kit: CoverageKit): Promise<void> {
  const plan = {
    outline: rect(0, 0, 6, 2),
    walls: [],
    obstacles: [],
    areas: [{ areaId: kit.corridorId, polygon: rect(0, 0, 6, 2) }],
    scale: null,
  };
  const saved = await kit.call(
    kit.principal,
    'PUT',
    `/api/coverage/floors/${kit.floorId}/plan`,
    plan,
  );
  expect(saved.status).toBe(200);
  const fisheye = {
    name: 'Corridor dome',
    type: 'fisheye',
    x: 3,
    y: 1,
    mountHeight: 3,
    direction: 0,
    range: 6,
    resolutionX: 4000,
  };
  const placed = await kit.call(
    kit.principal,
    'POST',
    `/api/coverage/floors/${kit.floorId}/cameras`,
    fisheye,
  );
  expect(placed.status).toBe(201);

  const db = t.platform.db;
  const camera = await db
    .insertInto('cameras')
    .values({ area_id: kit.corridorId, name: 'Corridor dome', main_url: 'rtsp://127.0.0.1:9/x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = Date.now();
  const segment = (start: number, path: string) => ({
    camera_id: camera.id,
    started_at: new Date(start),
    ended_at: new Date(start + 4_000),
    bytes: 1000,
    codec: 'h264',
    path,
  });
  await db
    .insertInto('recording_segments')
    .values([segment(now - 31 * DAY_MS, 'a.ts'), segment(now - 9_000, 'b.ts')])
    .execute();
  await db
    .withTables<{ gateway_settings: Record<string, unknown> }>()
    .insertInto('gateway_settings')
    .values({
      upper_id: '34020000002000000001',
      upper_domain: '3402000000',
      upper_host: '127.0.0.1',
      upper_port: 5060,
      transport: 'udp',
      device_id: '34020000112000000001',
      local_port: 5060,
      password_sealed: t.platform.secrets.encrypt('secret-1'),
      enabled: true,
    })
    .execute();
}
