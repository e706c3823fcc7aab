import { startCamsim, type Camsim } from '@gardenwatch/camsim';
import {
  healthSubjects,
  type Actor,
  type HealthCameraChangedEvent,
  type TamperKind,
} from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/sign-in.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { resolveFfmpeg } from '../../platform/ffmpeg.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CamerasService } from '../cameras/cameras.service.ts';
import { createOrgServices } from '../org/org.services.ts';
import { seedArea, waitFor } from '../recording/recording.test-support.ts';
import { RecordingService } from '../recording/recording.service.ts';
import { HealthReports } from './health-reports.ts';
import { HealthService } from './health.service.ts';
import { camsimClip, insertCamsimCamera } from './health.test-support.ts';

/**
 * Real camsim RTSP, real ffmpeg for the recorder and the sampler: each fault of the simulator
 * must come out as the matching health event, and a lasting one as one work order.
 */
describe('camera health against the simulator’s faults', { timeout: 90_000 }, () => {
  let test: TestPlatform;
  let sim: Camsim;
  let recording: RecordingService;
  let health: HealthService;
  let reports: HealthReports;
  let cameraId: string;
  let maintainer: Actor;
  const events: HealthCameraChangedEvent[] = [];

  beforeAll(async () => {
    test = await createTestPlatform();
    const { platform } = test;
    platform.bus.subscribe(healthSubjects.cameraChanged, (m) => {
      events.push(m.payload as HealthCameraChangedEvent);
    });
    const seeded = await seedArea(platform.db);
    sim = await startCamsim({
      cameras: [{ id: 'room', clip: camsimClip('intel_classroom_loop2.mp4') }],
    });
    cameraId = await insertCamsimCamera(platform, { sim, simId: 'room', areaId: seeded.areaId });
    const id = await createUser(platform, {
      role: 'maintainer',
      username: 'fixer',
      maintainedKindergartenIds: [seeded.kindergartenId],
    });
    maintainer = {
      id,
      username: 'fixer',
      displayName: 'fixer',
      role: 'maintainer',
      districtId: null,
      kindergartenId: null,
      maintainedKindergartenIds: [seeded.kindergartenId],
    };

    const tools = () => resolveFfmpeg();
    const audit = new AuditService({ db: platform.db, now: platform.now });
    const cameras = new CamerasService({ ...platform, audit, tools });
    recording = new RecordingService({
      platform,
      cameras,
      tools,
      timings: { segmentSeconds: 1, backoffBaseMs: 200, backoffCapMs: 1000 },
    });
    health = new HealthService({
      platform,
      audit,
      cameras,
      tools,
      timings: { sampleMs: 1000, staleMs: 4000, retryMs: 500, workOrderAfterMs: 3000 },
    });
    const org = createOrgServices(platform, audit);
    reports = new HealthReports({ org, cameras, recording, health, audit, now: platform.now });
    await recording.startCamera(cameraId);
    await health.start();
  });

  afterAll(async () => {
    health?.stop();
    await recording?.stop();
    await sim?.stop();
    await test?.close();
  });

  const since = () => events.length;
  const eventAfter = (from: number, check: (e: HealthCameraChangedEvent) => boolean) =>
    waitFor('a health event', () => events.slice(from).find(check), 30_000);
  const orders = () => health.workOrders.list({ actor: maintainer }, 'all');

  it('reports the camera online, with frame rate, bitrate and last frame from the index', async () => {
    await eventAfter(0, (e) => e.cameraId === cameraId && e.link === 'online');
    await waitFor('footage indexed', async () => {
      const page = await reports.kindergarten({ actor: maintainer }, await kgOf());
      return page.cameras[0]?.bitrateKbps ? page : null;
    });
    const page = await reports.kindergarten({ actor: maintainer }, await kgOf());
    const tile = page.cameras[0]!;
    expect(tile).toMatchObject({ link: 'online', tamper: null, fault: null, recording: true });
    // The classroom clip runs at 15 frames per second.
    expect(tile.fps).toBeGreaterThan(12);
    expect(tile.fps).toBeLessThan(18);
    expect(tile.bitrateKbps).toBeGreaterThan(0);
    expect(Date.now() - Date.parse(tile.lastFrameAt!)).toBeLessThan(10_000);
    expect(page.cameras[0]!.availability).toHaveLength(96);
    expect(page.cameras[0]!.availability.at(-1)).toBeGreaterThan(0);
  });

  it('a covered lens raises "covered", and a fault lasting past the allowance opens one work order', async () => {
    const from = since();
    sim.inject('room', 'black');
    await eventAfter(from, (e) => e.tamper === 'covered' && e.fault === 'covered');
    const order = await waitFor('a work order', async () => (await orders())[0]);
    expect(order).toMatchObject({ cameraId, fault: 'covered', closedAt: null, overdue: false });
    expect(Date.parse(order.dueAt) - Date.parse(order.openedAt)).toBe(24 * 3_600_000);

    const cleared = since();
    sim.clear('room', 'black');
    await eventAfter(cleared, (e) => e.fault === null && e.link === 'online');
    // The fault comes back while the order is open: no second order.
    const again = since();
    sim.inject('room', 'black');
    await eventAfter(again, (e) => e.tamper === 'covered');
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(await orders()).toHaveLength(1);
    sim.clear('room', 'black');
  });

  it.each<[string, 'blur' | 'turn' | 'freeze', TamperKind]>([
    ['defocus', 'blur', 'defocused'],
    ['a turned camera', 'turn', 'turned'],
    ['a frozen picture', 'freeze', 'frozen'],
  ])('%s comes out as "%s"', async (_name, fault, kind) => {
    await eventAfter(0, () => health.state(cameraId)?.fault === null);
    const from = since();
    sim.inject('room', fault);
    try {
      await eventAfter(from, (e) => e.cameraId === cameraId && e.tamper === kind);
    } finally {
      sim.clear('room', fault);
    }
    await eventAfter(from, (e) => e.cameraId === cameraId && e.fault === null);
  });

  it('a disconnected camera goes offline, and comes back online', async () => {
    const from = since();
    sim.inject('room', 'disconnect');
    try {
      await eventAfter(from, (e) => e.link === 'offline' && e.fault === 'offline');
    } finally {
      sim.clear('room', 'disconnect');
    }
    await eventAfter(from, (e) => e.link === 'online');
  });

  it('the maintainer closes the order with a note, audited; the reference is taken again', async () => {
    const [order] = await orders();
    const closed = await health.workOrders.close({ actor: maintainer }, order!.id, 'lens cleaned');
    expect(closed).toMatchObject({ note: 'lens cleaned', overdue: false });
    expect(closed.closedAt).not.toBeNull();
    const audit = await test.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('resource_id', '=', order!.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['workorder.close', 'workorder.open']);
    expect(audit.find((a) => a.action === 'workorder.close')?.actor_id).toBe(maintainer.id);
  });

  async function kgOf(): Promise<string> {
    return maintainer.maintainedKindergartenIds[0]!;
  }
});
