import { recordingSubjects } from '@gardenwatch/contracts';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { resolveFfmpeg } from '../../platform/ffmpeg.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CamerasService } from '../cameras/cameras.service.ts';
import {
  insertCamera,
  seedArea,
  startRtspSource,
  waitFor,
  type RtspSource,
} from './recording.test-support.ts';
import { RecordingService } from './recording.service.ts';
import { mediaDirOf, segmentRelativePath } from './segment-paths.ts';

const MB = 1024 * 1024;

/** A real 20 MB filesystem for the media folder; needs root (CI runs as root). */
function mountSmallDisk(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=20m', 'tmpfs', dir]);
  return result.status === 0;
}

const probeDir = path.join('/tmp', `gw-mount-probe-${process.pid}`);
const canMount = mountSmallDisk(probeDir) && spawnSync('umount', [probeDir]).status === 0;
rmSync(probeDir, { recursive: true, force: true });

// LIMITATION: without the right to mount (not root), this case is skipped; the retention
// tests with an injected free-space function still cover the deletion rules.
describe.runIf(canMount)('a full disk (a real 20 MB tmpfs)', () => {
  let test: TestPlatform;
  let source: RtspSource;
  let recording: RecordingService;
  let mediaDir: string;

  beforeAll(async () => {
    test = await createTestPlatform();
    mediaDir = mediaDirOf(test.dataDir);
    if (!mountSmallDisk(mediaDir)) throw new Error('mount failed');
    source = await startRtspSource({ bitrateKbps: 600 });
    const { platform } = test;
    const tools = () => resolveFfmpeg();
    const audit = new AuditService({ db: platform.db, now: platform.now });
    const cameras = new CamerasService({ ...platform, audit, tools });
    recording = new RecordingService({
      platform,
      cameras,
      tools,
      timings: { segmentSeconds: 1, backoffBaseMs: 300, backoffCapMs: 1_000 },
    });
  });

  afterAll(async () => {
    await recording?.stop();
    await source?.stop();
    if (mediaDir) spawnSync('umount', ['-l', mediaDir]);
    await test?.close();
  });

  /** Fills the disk with a week of older footage of another camera, 1 MB a segment. */
  async function fillWithOldFootage(cameraId: string): Promise<string[]> {
    const ids: string[] = [];
    const start = Date.now() - 7 * 24 * 3600 * 1000;
    for (let i = 0; ; i++) {
      const free = statfsSync(mediaDir).bavail * statfsSync(mediaDir).bsize;
      if (free < 64 * 1024) break;
      const bytes = Math.min(MB, free - 32 * 1024);
      const relative = segmentRelativePath(cameraId, start + i * 4000);
      mkdirSync(path.dirname(path.join(mediaDir, relative)), { recursive: true });
      writeFileSync(path.join(mediaDir, relative), Buffer.alloc(bytes, 0x47));
      const row = await recording.repo.insertSegment({
        cameraId,
        startedAt: new Date(start + i * 4000),
        endedAt: new Date(start + i * 4000 + 4000),
        bytes,
        codec: 'h264',
        path: relative,
      });
      ids.push(row!.id);
    }
    return ids;
  }

  it('books disk_full, frees the oldest footage, raises an alert, and keeps recording', async () => {
    const { areaId } = await seedArea(test.platform.db);
    const oldCamera = await insertCamera(test.platform.db, areaId);
    const liveCamera = await insertCamera(test.platform.db, areaId, { url: source.url });
    const old = await fillWithOldFootage(oldCamera);
    const alerts: unknown[] = [];
    test.platform.bus.subscribe(recordingSubjects.storageLow, (m) => void alerts.push(m.payload));

    await recording.startCamera(liveCamera);
    const gap = await waitFor('a disk_full gap', async () => {
      const gaps = await recording.repo.gapsBetween(
        liveCamera,
        new Date(0),
        new Date(Date.now() + 1e6),
      );
      return gaps.find((g) => g.cause === 'disk_full');
    });
    expect(gap.detail).toMatch(/No space left on device/);

    await waitFor(
      'the disk_full gap closed by new footage',
      async () => {
        const gaps = await recording.repo.gapsBetween(
          liveCamera,
          new Date(0),
          new Date(Date.now() + 1e6),
        );
        return gaps.find((g) => g.cause === 'disk_full' && g.to !== null);
      },
      30_000,
    );
    const fresh = await recording.repo.segmentsBetween(
      liveCamera,
      new Date(gap.from),
      new Date(Date.now() + 1e6),
    );
    expect(fresh.length).toBeGreaterThan(0);
    expect(alerts.length).toBeGreaterThan(0);

    // The oldest footage went first; the rest of the old camera's week is still there.
    const kept = await recording.repo.segmentsBetween(oldCamera, new Date(0), new Date());
    const deleted = old.filter((id) => !kept.some((s) => s.id === id));
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted).toEqual(old.slice(0, deleted.length));
    for (const s of kept) expect(existsSync(path.join(mediaDir, s.path))).toBe(true);
    expect(recording.recorder(liveCamera)!.attempts.length).toBeGreaterThanOrEqual(2);
  });
});
