import { recordingSubjects, type Gap } from '@gardenwatch/contracts';
import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CamerasService } from '../cameras/cameras.service.ts';
import { resolveFfmpeg } from '../../platform/ffmpeg.ts';
import {
  insertCamera,
  mediaPath,
  seedArea,
  startRtspSource,
  waitFor,
  type RtspSource,
} from './recording.test-support.ts';
import { RecordingService } from './recording.service.ts';
import { incomingDirOf, mediaDirOf } from './segment-paths.ts';

const timings = {
  segmentSeconds: 1,
  stallTimeoutMs: 4_000,
  socketTimeoutMs: 2_000,
  backoffBaseMs: 200,
  backoffCapMs: 800,
  authRetryMs: 60_000,
};

describe('recorder against a real RTSP camera and real ffmpeg', () => {
  let test: TestPlatform;
  let source: RtspSource;
  let recording: RecordingService;
  let cameras: CamerasService;
  let areaId: string;
  const events: { subject: string; payload: unknown }[] = [];

  beforeAll(async () => {
    test = await createTestPlatform();
    const { platform } = test;
    platform.bus.subscribe('recording.>', (m) => void events.push(m));
    areaId = (await seedArea(platform.db)).areaId;
    source = await startRtspSource();
    const tools = () => resolveFfmpeg();
    const audit = new AuditService({ db: platform.db, now: platform.now });
    cameras = new CamerasService({ ...platform, audit, tools });
    recording = new RecordingService({ platform, cameras, tools, timings });
  });

  afterAll(async () => {
    await recording?.stop();
    await source?.stop();
    await test?.close();
  });

  const segmentsOf = (cameraId: string) =>
    recording.repo.segmentsBetween(cameraId, new Date(0), new Date(Date.now() + 60_000));
  const gapsOf = (cameraId: string): Promise<Gap[]> =>
    recording.repo.gapsBetween(cameraId, new Date(0), new Date(Date.now() + 60_000));

  let cameraId: string;

  it('indexes checked segments filed by camera, day and hour, and announces them', async () => {
    cameraId = await insertCamera(test.platform.db, areaId, { url: source.url });
    await recording.startCamera(cameraId);
    const segments = await waitFor('three segments', async () => {
      const rows = await segmentsOf(cameraId);
      return rows.length >= 3 && rows;
    });

    for (const segment of segments) {
      expect(existsSync(mediaPath(test.dataDir, segment.path))).toBe(true);
      expect(segment.path).toMatch(
        new RegExp(`^${cameraId}/\\d{4}-\\d{2}-\\d{2}/\\d{2}/\\d{13}\\.ts$`),
      );
      expect(segment.bytes).toBeGreaterThan(0);
      expect(segment.codec).toBe('h264');
    }
    for (let i = 1; i < segments.length; i++) {
      const previousEnd = Date.parse(segments[i - 1]!.endedAt);
      expect(Math.abs(Date.parse(segments[i]!.startedAt) - previousEnd)).toBeLessThan(1_000);
    }
    const announced = events.filter((e) => e.subject === recordingSubjects.segmentClosed);
    expect(announced.length).toBeGreaterThanOrEqual(3);
    expect(await gapsOf(cameraId)).toEqual([]);
  });

  it('survives SIGKILL of ffmpeg: closed segments stay, the gap is process_crashed, it restarts', async () => {
    const recorder = recording.recorder(cameraId)!;
    const before = await segmentsOf(cameraId);
    const lastEndBefore = Date.parse(before.at(-1)!.endedAt);
    process.kill(recorder.pid!, 'SIGKILL');

    const gap = await waitFor('a closed process_crashed gap', async () =>
      (await gapsOf(cameraId)).find((g) => g.cause === 'process_crashed' && g.to !== null),
    );
    const after = await segmentsOf(cameraId);
    expect(after.map((s) => s.path)).toEqual(expect.arrayContaining(before.map((s) => s.path)));
    // Footage up to the last closed segment (and the part written of the one in progress) is kept.
    expect(Date.parse(gap.from)).toBeGreaterThanOrEqual(lastEndBefore);
    expect(recorder.attempts.length).toBe(2);
    // The killed process's partial segment is filed; only the new one's segment in progress
    // stays in the incoming folder (closed ones are filed in batches, so wait for the batch).
    await waitFor(
      'at most the segment in progress left in incoming',
      () => readdirSync(incomingDirOf(mediaDirOf(test.dataDir), cameraId)).length <= 1,
    );
  });

  it('books a stalled stream (connection open, no packets) as stream_stalled and recovers', async () => {
    const recorder = recording.recorder(cameraId)!;
    const attemptsBefore = recorder.attempts.length;
    source.pause();
    try {
      await waitFor('a stream_stalled gap', async () =>
        (await gapsOf(cameraId)).find((g) => g.cause === 'stream_stalled'),
      );
    } finally {
      source.resume();
    }
    await waitFor('the stall gap closed', async () =>
      (await gapsOf(cameraId)).find((g) => g.cause === 'stream_stalled' && g.to !== null),
    );
    expect(recorder.attempts.length).toBeGreaterThan(attemptsBefore);
  });

  it('books a stopped camera as camera_unreachable, backs off, and recovers when it returns', async () => {
    const recorder = recording.recorder(cameraId)!;
    const attemptsBefore = recorder.attempts.length;
    await source.stop();

    await waitFor('a camera_unreachable gap', async () =>
      (await gapsOf(cameraId)).find((g) => g.cause === 'camera_unreachable' && g.to === null),
    );
    await waitFor('three retries', () => recorder.attempts.length >= attemptsBefore + 3);
    const delays = recorder.attempts.slice(attemptsBefore).map((a) => a.delayBeforeMs);
    expect(delays.slice(0, 3)).toEqual([200, 400, 800]);
    const camera = await test.platform.db
      .selectFrom('cameras')
      .select('status')
      .where('id', '=', cameraId)
      .executeTakeFirstOrThrow();
    expect(camera.status).toBe('offline');

    source = await startRtspSource({ port: source.port });
    const closed = await waitFor(
      'the gap closed',
      async () =>
        (await gapsOf(cameraId)).find((g) => g.cause === 'camera_unreachable' && g.to !== null),
      30_000,
    );
    const resumed = (await segmentsOf(cameraId)).filter((s) => s.startedAt >= closed.to!);
    expect(resumed.length).toBeGreaterThan(0);
    expect(recorder.attempts.at(-1)!.delayBeforeMs).toBeLessThanOrEqual(timings.backoffCapMs);
  });

  it('reports wrong credentials as auth_failed and does not retry in a tight loop', async () => {
    const guarded = await startRtspSource({ user: 'admin', password: 'right-one' });
    try {
      const id = await insertCamera(test.platform.db, areaId, {
        url: guarded.url.replace('rtsp://', 'rtsp://admin:wrong-one@'),
      });
      await recording.startCamera(id);
      const gap = await waitFor('an auth_failed gap', async () =>
        (await gapsOf(id)).find((g) => g.cause === 'auth_failed'),
      );
      expect(gap.detail).toContain('401');
      expect(gap.detail).not.toContain('wrong-one');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const recorder = recording.recorder(id)!;
      expect(recorder.attempts.length).toBe(1);
      expect(recorder.running).toBe(false);
      const camera = await test.platform.db
        .selectFrom('cameras')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(camera.status).toBe('auth_failed');
      const logged = JSON.stringify(test.logLines());
      expect(logged).not.toContain('wrong-one');
      await recording.stopCamera(id);
    } finally {
      await guarded.stop();
    }
  });
  it('records with the static ffmpeg of the npm package too (no ffprobe beside it)', async () => {
    const { platform } = test;
    const tools = () => resolveFfmpeg({ skipPath: true });
    const audit = new AuditService({ db: platform.db, now: platform.now });
    const npmCameras = new CamerasService({ ...platform, audit, tools });
    const npmRecording = new RecordingService({ platform, cameras: npmCameras, tools, timings });
    const id = await insertCamera(platform.db, areaId, { url: source.url });
    try {
      await npmRecording.startCamera(id);
      const segments = await waitFor('two segments from the npm build', async () => {
        const rows = await segmentsOf(id);
        return rows.length >= 2 && rows;
      });
      expect(segments.every((s) => s.codec === 'h264' && s.bytes > 0)).toBe(true);
    } finally {
      await npmRecording.stop();
    }
    // Stopping files the segment in progress, probed with ffmpeg alone.
    const after = await segmentsOf(id);
    expect(readdirSync(incomingDirOf(mediaDirOf(test.dataDir), id))).toEqual([]);
    expect(after.length).toBeGreaterThanOrEqual(2);
  });
});
