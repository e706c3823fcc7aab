import { recordingSubjects } from '@gardenwatch/contracts';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { HoldService } from './hold.service.ts';
import { insertCamera, seedArea } from './recording.test-support.ts';
import { RecordingRepository } from './recording.repository.ts';
import { RetentionService, type DiskSpace } from './retention.service.ts';
import { mediaDirOf, segmentRelativePath } from './segment-paths.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-03T12:00:00.000Z');

describe('retention', () => {
  let test: TestPlatform;
  let repo: RecordingRepository;
  let holds: HoldService;
  let cameraId: string;
  let space: DiskSpace;
  let mediaDir: string;

  let areaId: string;

  beforeAll(async () => {
    test = await createTestPlatform();
    test.platform.now = () => new Date(NOW);
    repo = new RecordingRepository(test.platform.db);
    holds = new HoldService({ ...test.platform });
    areaId = (await seedArea(test.platform.db)).areaId;
    mediaDir = mediaDirOf(test.dataDir);
  });

  beforeEach(async () => {
    await test.platform.db.deleteFrom('recording_segments').execute();
    await test.platform.db.deleteFrom('recording_holds').execute();
    cameraId = await insertCamera(test.platform.db, areaId, { retentionDays: 30 });
    space = { freeBytes: 900_000, totalBytes: 1_000_000 };
  });

  afterAll(() => test?.close());

  const retention = () =>
    new RetentionService({ ...test.platform, mediaDir, freeSpace: async () => space });

  /** A segment file and its index row, `daysAgo` old. */
  async function segment(daysAgo: number, bytes = 20_000): Promise<string> {
    const start = NOW - daysAgo * DAY;
    const relative = segmentRelativePath(cameraId, start);
    mkdirSync(path.dirname(path.join(mediaDir, relative)), { recursive: true });
    writeFileSync(path.join(mediaDir, relative), Buffer.alloc(bytes, 0x47));
    const row = await repo.insertSegment({
      cameraId,
      startedAt: new Date(start),
      endedAt: new Date(start + 4_000),
      bytes,
      codec: 'h264',
      path: relative,
    });
    return row!.id;
  }

  it('deletes footage past the camera retention days, keeps held footage, as the dry run said', async () => {
    const old = await segment(40);
    const held = await segment(35);
    const young = await segment(20);
    await holds.create({
      cameraId,
      from: new Date(NOW - 36 * DAY),
      to: new Date(NOW - 34 * DAY),
      reason: 'footage request',
      owner: 'footage_request:test',
    });

    const plan = await retention().plan();
    expect(plan.items.map((i) => [i.segmentId, i.reason])).toEqual([[old, 'age']]);
    // The young segment is the oldest unheld one kept: due when it is 30 days old.
    expect(plan.nextDue).toEqual([
      {
        cameraId,
        oldestStart: new Date(NOW - 20 * DAY),
        dueAt: new Date(NOW + 10 * DAY + 4_000),
      },
    ]);
    const done = await retention().run();
    expect(done.items.map((i) => i.segmentId)).toEqual(plan.items.map((i) => i.segmentId));

    const left = await repo.segmentsBetween(cameraId, new Date(0), new Date(NOW));
    expect(left.map((s) => s.id)).toEqual([held, young]);
    expect(existsSync(path.join(mediaDir, plan.items[0]!.path))).toBe(false);
    for (const s of left) expect(existsSync(path.join(mediaDir, s.path))).toBe(true);
  });

  it('frees space under the floor from the oldest unheld footage, and raises an alert', async () => {
    const ids = [await segment(10), await segment(9), await segment(8), await segment(7)];
    await segment(6);
    await holds.create({
      cameraId,
      from: new Date(NOW - 9 * DAY - 1000),
      to: new Date(NOW - 9 * DAY + 1000),
      reason: 'alert',
      owner: 'alert:test',
    });
    space = { freeBytes: 50_000, totalBytes: 1_000_000 };
    const alerts: unknown[] = [];
    test.platform.bus.subscribe(recordingSubjects.storageLow, (m) => void alerts.push(m.payload));

    const plan = await retention().plan();
    // 50 kB short of the 100 kB floor: three 20 kB segments, oldest first, skipping the held one.
    expect(plan.items.map((i) => i.segmentId)).toEqual([ids[0], ids[2], ids[3]]);
    expect(plan.items.every((i) => i.reason === 'space')).toBe(true);

    const done = await retention().run();
    expect(done.items.map((i) => i.segmentId)).toEqual(plan.items.map((i) => i.segmentId));
    expect(alerts).toEqual([
      { freeBytes: 50_000, floorBytes: 100_000, deletedSegments: 3, deletedBelowMinimum: true },
    ]);
  });

  it('deletes footage once its hold is released', async () => {
    const old = await segment(40);
    const hold = await holds.create({
      cameraId,
      from: new Date(NOW - 41 * DAY),
      to: new Date(NOW - 39 * DAY),
      reason: 'case',
      owner: 'case:test',
    });
    expect((await retention().run()).items).toEqual([]);

    const released = await holds.release(hold.id);
    expect(released.releasedAt).not.toBeNull();
    expect((await holds.release(hold.id)).releasedAt).toEqual(released.releasedAt);
    expect((await retention().run()).items.map((i) => i.segmentId)).toEqual([old]);
  });

  it('refuses holds that end before they begin', async () => {
    await expect(
      holds.create({
        cameraId,
        from: new Date(NOW),
        to: new Date(NOW - 1),
        reason: 'x',
        owner: 'y',
      }),
    ).rejects.toThrow(/end after/);
  });
});
