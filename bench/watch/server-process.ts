/**
 * The Gardenwatch server in its own process for the watching benchmarks: a fresh data folder,
 * the console, one camera on the simulator's URL with `minutes` of generated footage, and a
 * signed-in security officer. Prints one JSON line with what the benchmark needs.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp, defaultWebDir } from '../../apps/server/src/app.ts';
import { bootPlatform } from '../../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../../apps/server/src/platform/config.ts';
import { createLogger } from '../../apps/server/src/platform/logger.ts';
import { officerWithFootage } from '../footage-kit.ts';

const [url = '', minutesText = '10'] = process.argv.slice(2);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-watch-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', LIVE_IDLE_STOP_SECONDS: '30' });
const booted = await bootPlatform(config, { logger: createLogger('warn') });
const { platform } = booted;
const built = await buildApp(platform, defaultWebDir);
const { app, services } = built;
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const { cameraId, footageStart, cookie, csrfToken } = await officerWithFootage(platform, built, {
  minutes: Number(minutesText),
  cameraUrl: url,
  cameraName: 'Clock',
});
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
