/**
 * The Gardenwatch server in its own process for the watching benchmarks: a fresh data folder,
 * the console, one camera on the simulator's URL with `minutes` of generated footage, and a
 * signed-in security officer. Prints one JSON line with what the benchmark needs.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, defaultWebDir } from '../../apps/server/src/app.ts';
import { hashPassword } from '../../apps/server/src/modules/identity/password.ts';
import { recordFootage } from '../../apps/server/src/modules/playback/footage.test-support.ts';
import {
  insertCamera,
  seedArea,
} from '../../apps/server/src/modules/recording/recording.test-support.ts';
import { bootPlatform } from '../../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { createLogger } from '../../apps/server/src/platform/logger.ts';

const [url = '', minutesText = '10'] = process.argv.slice(2);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-watch-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', LIVE_IDLE_STOP_SECONDS: '30' });
const booted = await bootPlatform(config, { logger: createLogger('warn') });
const { platform } = booted;
const { app, services } = await buildApp(platform, defaultWebDir);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const seeded = await seedArea(platform.db);
const cameraId = await insertCamera(platform.db, seeded.areaId, { url, name: 'Clock' });
const password = 'bench-password-1';
await platform.db
  .insertInto('users')
  .values({
    username: 'officer',
    display_name: 'officer',
    password_hash: await hashPassword(password),
    role: 'security_officer',
    kindergarten_id: seeded.kindergartenId,
  })
  .execute();
const footageStart = Date.now() - (Number(minutesText) + 5) * 60_000;
await recordFootage({
  recording: services.recording,
  cameraId,
  startMs: footageStart,
  segments: Math.round((Number(minutesText) * 60) / 4),
  hd: true,
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username: 'officer', password },
});
const cookie = login.cookies.find((c) => c.name === 'gw_session')?.value ?? '';
const { csrfToken } = login.json<{ csrfToken: string }>();
process.stdout.write(
  `${JSON.stringify({ base, cameraId, cookie, csrfToken, footageStart, dataDir, mediaDir: services.recording.store.mediaDir })}\n`,
);
process.on(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => booted.close())
      .then(() => process.exit(0)),
);
