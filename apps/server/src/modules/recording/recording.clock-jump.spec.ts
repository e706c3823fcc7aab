import { readdirSync } from 'node:fs';
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
import { mediaDirOf } from './segment-paths.ts';

/**
 * The server's clock jumps while a camera records (NTP correcting a drifted clock, an operator
 * setting the time): segments are named and indexed by the new time, recording goes on without
 * a gap, and no file is lost or overwritten.
 */
describe('recording through a jump of the server clock', () => {
  let test: TestPlatform;
  let source: RtspSource;
  let recording: RecordingService;
  let offsetMs = 0;

  beforeAll(async () => {
    test = await createTestPlatform();
    const { platform } = test;
    platform.now = () => new Date(Date.now() + offsetMs);
    source = await startRtspSource();
    const tools = () => resolveFfmpeg();
    const audit = new AuditService({ db: platform.db, now: platform.now });
    const cameras = new CamerasService({ ...platform, audit, tools });
    recording = new RecordingService({
      platform,
      cameras,
      tools,
      timings: { segmentSeconds: 1, stallTimeoutMs: 4_000, socketTimeoutMs: 2_000 },
    });
  });

  afterAll(async () => {
    await recording?.stop();
    await source?.stop();
    await test?.close();
  });

  it.each([
    ['back by an hour', -3_600_000],
    ['forward by a day', 86_400_000],
  ])('keeps recording when the clock jumps %s', async (_name, jumpMs) => {
    const { areaId } = await seedArea(test.platform.db, jumpMs < 0 ? '3' : '4');
    const cameraId = await insertCamera(test.platform.db, areaId, { url: source.url });
    const all = () =>
      recording.repo.segmentsBetween(cameraId, new Date(0), new Date(Date.now() + 10 * 86_400_000));
    await recording.startCamera(cameraId);
    await waitFor('three segments before the jump', async () => (await all()).length >= 3);

    const jumpedAt = Date.now() + offsetMs + jumpMs;
    offsetMs += jumpMs;
    const after = await waitFor('three segments on the new clock', async () => {
      const rows = (await all()).filter(
        (s) => Math.abs(Date.parse(s.startedAt) - jumpedAt) < 60_000,
      );
      return rows.length >= 3 && rows;
    });
    await recording.stopCamera(cameraId);

    // Placed on the new clock, one after the other.
    for (let i = 1; i < after.length; i++) {
      expect(Date.parse(after[i]!.startedAt)).toBeGreaterThanOrEqual(
        Date.parse(after[i - 1]!.endedAt) - 1_000,
      );
    }
    const rows = await all();
    const files = readdirSync(path.join(mediaDirOf(test.dataDir), cameraId), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.startsWith('incoming'));
    expect(files.length).toBe(rows.length);
    expect(new Set(rows.map((r) => r.path)).size).toBe(rows.length);
    expect(
      await recording.repo.gapsBetween(
        cameraId,
        new Date(0),
        new Date(Date.now() + 10 * 86_400_000),
      ),
    ).toEqual([]);
  });
});
