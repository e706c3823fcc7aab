import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalysisStatusView } from '@gardenwatch/contracts';
import { InferencePool } from '@gardenwatch/vision';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea, waitFor } from '../recording/recording.test-support.ts';

const clip = fileURLToPath(
  new URL('../../../../../packages/camsim/media/intel_classroom_loop2.mp4', import.meta.url),
);

/** The status the health page reads: only cameras whose health the caller may read. */
describe('analysis status over HTTP', () => {
  let t: TestApp;
  let pool: InferencePool;
  let cameraId: string;
  const users: Record<string, SignedIn> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const area = await seedArea(t.platform.db);
    cameraId = await insertCamera(t.platform.db, area.areaId);
    const kg = { kindergartenId: area.kindergartenId };
    await createUser(t.platform, { role: 'security_officer', username: 'officer', ...kg });
    await createUser(t.platform, { role: 'parent', username: 'parent', ...kg });
    for (const name of ['officer', 'parent']) users[name] = await signIn(t.app, name);
    pool = await InferencePool.start({ size: 1 });
    await t.services.alerts.analysis.start({ detector: pool });
    t.services.alerts.analysis.add(cameraId, { kind: 'file', path: path.resolve(clip) });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await pool.close();
  });

  const status = async (who: string) => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/analysis/status',
      headers: users[who]?.headers ?? {},
    });
    expect(r.statusCode).toBe(200);
    return r.json<AnalysisStatusView>();
  };

  it('shows the officer the camera analysed, and a parent nothing', async () => {
    const seen = await waitFor(
      'a frame analysed',
      async () => {
        const s = await status('officer');
        return (s.cameras[0]?.analysedFps ?? 0) > 0 ? s : undefined;
      },
      60_000,
    );
    expect(seen).toMatchObject({ enabled: true, cameras: [{ cameraId, note: null }] });
    expect(await status('parent')).toMatchObject({ cameras: [], shortfall: [] });
  }, 90_000);
});
