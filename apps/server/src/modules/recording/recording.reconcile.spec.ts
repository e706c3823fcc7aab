import { copyFileSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { resolveFfmpeg } from '../../platform/ffmpeg.ts';
import { AuditService } from '../audit/audit.service.ts';
import { CamerasService } from '../cameras/cameras.service.ts';
import { listSegmentFiles, reconcile } from './reconcile.ts';
import {
  insertCamera,
  seedArea,
  startRtspSource,
  waitFor,
  type RtspSource,
} from './recording.test-support.ts';
import { RecordingService } from './recording.service.ts';
import { incomingDirOf, mediaDirOf } from './segment-paths.ts';

const timings = { segmentSeconds: 1, backoffBaseMs: 200, backoffCapMs: 800 };

describe('a server killed and started again', () => {
  let test: TestPlatform;
  let source: RtspSource;
  let cameraId: string;
  const services: RecordingService[] = [];

  const serve = () => {
    const { platform } = test;
    const tools = () => resolveFfmpeg();
    const audit = new AuditService({ db: platform.db, now: platform.now });
    const cameras = new CamerasService({ ...platform, audit, tools });
    const service = new RecordingService({ platform, cameras, tools, timings });
    services.push(service);
    return service;
  };

  beforeAll(async () => {
    test = await createTestPlatform();
    source = await startRtspSource();
    const { areaId } = await seedArea(test.platform.db);
    cameraId = await insertCamera(test.platform.db, areaId, { url: source.url });
  });

  afterAll(async () => {
    for (const service of services) await service.stop();
    await source?.stop();
    await test?.close();
  });

  it('indexes files that missed the index, drops rows whose files are gone, files leftovers', async () => {
    const first = serve();
    await first.start();
    const recorded = await waitFor('four segments', async () => {
      const rows = await first.repo.segmentsBetween(
        cameraId,
        new Date(0),
        new Date(Date.now() + 1e6),
      );
      return rows.length >= 4 && rows;
    });
    await first.stop();

    // What a kill leaves behind: rows not yet written, a file deleted underneath, and a
    // segment still in the incoming folder.
    const mediaDir = mediaDirOf(test.dataDir);
    const [lost, missing, copied] = [recorded[0]!, recorded[1]!, recorded[2]!];
    await first.repo.deleteSegments([lost.id, recorded[3]!.id]);
    unlinkSync(path.join(mediaDir, missing.path));
    const incoming = incomingDirOf(mediaDir, cameraId);
    mkdirSync(incoming, { recursive: true });
    copyFileSync(path.join(mediaDir, copied.path), path.join(incoming, '1-000007.ts'));

    const second = serve();
    const result = await second.start();
    expect(result).toEqual({ indexed: 2, dropped: 1, swept: 1 });
    expect(test.logLines().some((l) => l.msg === 'recording.reconcile.done')).toBe(true);

    const gap = await waitFor('the server_down gap closed by new footage', async () => {
      const gaps = await second.repo.gapsBetween(cameraId, new Date(0), new Date(Date.now() + 1e6));
      return gaps.find((g) => g.cause === 'server_down' && g.to !== null);
    });
    expect(Date.parse(gap.from)).toBeLessThanOrEqual(Date.now());
    await second.stop();

    // Recording stopped: the index and the disk agree exactly, with no duplicates.
    const rows = await second.repo.segmentsBetween(
      cameraId,
      new Date(0),
      new Date(Date.now() + 1e6),
    );
    const paths = rows.map((r) => r.path).sort();
    expect(new Set(paths).size).toBe(paths.length);
    expect((await listSegmentFiles(mediaDir, cameraId)).sort()).toEqual(paths);
    expect(existsSync(path.join(mediaDir, missing.path))).toBe(false);

    const again = await reconcile({
      db: test.platform.db,
      repo: second.repo,
      store: second.store,
      tools: () => resolveFfmpeg(),
      logger: test.platform.logger,
    });
    expect(again).toEqual({ indexed: 0, dropped: 0, swept: 0 });
  });
});
