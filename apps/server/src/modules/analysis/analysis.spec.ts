import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InferencePool } from '@gardenwatch/vision';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertsKit, type AlertsKit } from '../alerts/alerts.test-kit.ts';
import { insertCamera, waitFor } from '../recording/recording.test-support.ts';
import { actor } from '../staff/staff.fixtures.ts';

const media = fileURLToPath(new URL('../../../../../packages/camsim/media/', import.meta.url));

/** Real frames through the real models: a lit corridor with people, and a camera in the dark. */
describe('analysis runner', () => {
  let kit: AlertsKit;
  let pool: InferencePool;
  let dark: string;

  beforeAll(async () => {
    kit = await createAlertsKit('pglite');
    pool = await InferencePool.start({ size: 1 });
    dark = path.join(kit.test.dataDir, 'dark.mp4');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'color=c=0x060606:s=320x240:r=8:d=6'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', dark],
    ]);
    await kit.s.analysis.start({ detector: pool });
  }, 120_000);
  afterAll(async () => {
    await kit.s.analysis.stop();
    await pool.close();
    await kit.close();
  });

  it('analyses people at about one frame a second and raises nothing for ordinary walking', async () => {
    kit.s.analysis.add(kit.cameraId, {
      kind: 'file',
      path: path.join(media, 'intel_one_by_one_person_0-30s.mp4'),
    });

    const status = await waitFor(
      'frames analysed',
      () => {
        const camera = kit.s.analysis.status().cameras.find((c) => c.cameraId === kit.cameraId);
        return camera && camera.analysedFps >= 0.5 ? camera : undefined;
      },
      60_000,
    );
    expect(status).toMatchObject({ wantedFps: expect.any(Number), note: null });
    expect(status.analysedFps).toBeLessThanOrEqual(status.wantedFps + 0.2);
    const officer = actor('security_officer', { kindergartenId: kit.area.kindergartenId });
    expect(await kit.s.alerts.list(officer, { limit: 10 })).toEqual([]);
  }, 90_000);

  it('notes a camera too dark to analyse and raises no alert', async () => {
    const darkCamera = await insertCamera(kit.test.platform.db, kit.area.areaId, { name: 'Dark' });
    kit.s.analysis.add(darkCamera, { kind: 'file', path: dark });

    await waitFor(
      'the too-dark note',
      () => kit.s.analysis.status().cameras.find((c) => c.note === 'too_dark'),
      30_000,
    );
    const marks = await kit.s.repo.listForCameras([darkCamera], new Date(0), new Date());
    expect(marks).toEqual([]);
  }, 60_000);
});
