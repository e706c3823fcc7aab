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
    await createUser(t.platform, { role: 'principal', username: 'principal', ...kg });
    for (const name of ['officer', 'parent', 'principal']) users[name] = await signIn(t.app, name);
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

  it('applies zones drawn on a running camera from its next frame: people there raise an alert', async () => {
    const corners = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ];
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/cameras/${cameraId}/zones`,
      headers: users.principal?.headers ?? {},
      payload: { zones: [{ id: 'all', kind: 'perimeter', polygon: corners }] },
    });
    expect(saved.statusCode).toBe(200);

    const marks = await waitFor(
      'an intrusion alert',
      async () => {
        const found = await t.services.alerts.repo.listForCameras(
          [cameraId],
          new Date(0),
          new Date(),
        );
        return found.length > 0 ? found : undefined;
      },
      60_000,
    );
    expect(marks[0]).toMatchObject({ kind: 'intrusion' });
  }, 90_000);
});
