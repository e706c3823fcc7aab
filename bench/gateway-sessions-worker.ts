/**
 * The Gardenwatch side of `gb28181-sessions.bench.ts`: boots the platform (embedded PGlite in
 * a data folder, as the server does), registers BENCH_CAMERAS key-area cameras at the camsim
 * URLs in BENCH_CAMERA_URLS (JSON: [{ url, username, password }]), and starts the GB/T 28181
 * gateway towards the upper platform at 127.0.0.1:BENCH_UPPER_PORT. Prints `ready <json>` with
 * the channel ids and the SIP port once registered; `state` prints the gateway state as JSON;
 * `stop` ends every session and exits.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { insertSimCamera } from '../apps/server/src/modules/gateway/gateway.test-support.ts';
import { channelIdOf } from '../apps/server/src/modules/gateway/gateway-ids.ts';
import { seedArea } from '../apps/server/src/modules/recording/recording.test-support.ts';
import { bootPlatform } from '../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { createServices } from '../apps/server/src/services.ts';

const env = z
  .object({
    BENCH_CAMERA_URLS: z.string(),
    BENCH_UPPER_PORT: z.coerce.number().int(),
    BENCH_SIP_PORT: z.coerce.number().int(),
    BENCH_UPPER_ID: z.string(),
    BENCH_PLATFORM_ID: z.string(),
    BENCH_PASSWORD: z.string(),
  })
  .parse(process.env);
const cameras = z
  .array(z.object({ url: z.string(), username: z.string(), password: z.string() }))
  .parse(JSON.parse(env.BENCH_CAMERA_URLS));

const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });
const booted = await bootPlatform(config);
const { platform } = booted;
const services = createServices(platform);

const { areaId } = await seedArea(platform.db);
const ids: string[] = [];
for (const [i, camera] of cameras.entries()) {
  ids.push(await insertSimCamera(platform, { areaId, name: `Gate ${i}`, ...camera }));
}
await services.gateway.settings.update(
  {
    actor: {
      id: '00000000-0000-4000-8000-000000000001',
      username: 'bench',
      displayName: 'bench',
      role: 'city_admin',
      districtId: null,
      kindergartenId: null,
      maintainedKindergartenIds: [],
    },
  },
  {
    upperId: env.BENCH_UPPER_ID,
    upperDomain: env.BENCH_UPPER_ID.slice(0, 10),
    upperHost: '127.0.0.1',
    upperPort: env.BENCH_UPPER_PORT,
    transport: 'udp',
    deviceId: env.BENCH_PLATFORM_ID,
    localPort: env.BENCH_SIP_PORT,
    password: env.BENCH_PASSWORD,
    enabled: true,
  },
);
const state = await services.gateway.runtime.state();
if (state.registration !== 'registered') throw new Error(`not registered: ${state.lastError}`);
const serials = await services.gateway.settings.repo.channelSerials(ids);
const channels = ids.map((id) => channelIdOf(env.BENCH_PLATFORM_ID, serials.get(id)!));
process.stdout.write(`ready ${JSON.stringify({ channels })}\n`);

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const command = line.trim();
  if (command === 'state') void report();
  if (command === 'stop') void stop();
});

async function report(): Promise<void> {
  const current = await services.gateway.runtime.state();
  process.stdout.write(`${JSON.stringify({ sessions: current.sessions.length })}\n`);
}

async function stop(): Promise<void> {
  await services.gateway.runtime.stop();
  await booted.close();
  process.exit(0);
}
