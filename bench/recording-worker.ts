/**
 * The Gardenwatch side of `recording-cpu.bench.ts`: boots the platform (embedded PGlite in a
 * data folder, as the server does), registers N cameras at BENCH_BASE_URL/cam<i> and records
 * them with the recording service. Prints `ready` once every recorder runs; on a `report
 * <fromMs> <toMs>` line on stdin prints the segments indexed per camera, the gaps opened and the
 * holes between consecutive segments.
 */
import { createInterface } from 'node:readline';
import { AuditService } from '../apps/server/src/modules/audit/audit.service.ts';
import { CamerasService } from '../apps/server/src/modules/cameras/cameras.service.ts';
import {
  insertCamera,
  seedArea,
} from '../apps/server/src/modules/recording/recording.test-support.ts';
import { RecordingService } from '../apps/server/src/modules/recording/recording.service.ts';
import { bootPlatform } from '../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { lazyFfmpeg } from '../apps/server/src/platform/ffmpeg.ts';

const cameraCount = Number(process.env.BENCH_CAMERAS ?? 4);
const baseUrl = process.env.BENCH_BASE_URL ?? 'rtsp://127.0.0.1:8554';
const config = loadConfig({ ...process.env, LOG_LEVEL: 'warn' });

const booted = await bootPlatform(config);
const { platform } = booted;
const tools = lazyFfmpeg({ ffmpegPath: config.ffmpegPath });
const audit = new AuditService({ db: platform.db, now: platform.now });
const cameras = new CamerasService({ ...platform, audit, tools });
const recording = new RecordingService({ platform, cameras, tools });

const { areaId } = await seedArea(platform.db);
const ids: string[] = [];
for (let i = 0; i < cameraCount; i++) {
  ids.push(await insertCamera(platform.db, areaId, { name: `cam${i}`, url: `${baseUrl}/cam${i}` }));
}
await recording.start();
process.stdout.write('ready\n');

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const [command, from, to] = line.trim().split(' ');
  if (command === 'report') void report(new Date(Number(from)), new Date(Number(to)));
  if (command === 'stop') void stop();
});

async function report(from: Date, to: Date): Promise<void> {
  const perCamera: number[] = [];
  let gaps = 0;
  let holes = 0;
  for (const id of ids) {
    const segments = await recording.repo.segmentsBetween(id, from, to);
    perCamera.push(segments.filter((s) => Date.parse(s.endedAt) <= to.getTime()).length);
    gaps += (await recording.repo.gapsBetween(id, from, to)).length;
    holes += countHoles(segments);
  }
  process.stdout.write(`${JSON.stringify({ perCamera, gaps, holes })}\n`);
}

/** Places where a segment starts more than a second after the one before it ended. */
function countHoles(segments: { startedAt: string; endedAt: string }[]): number {
  let holes = 0;
  for (let i = 1; i < segments.length; i++) {
    if (Date.parse(segments[i]!.startedAt) - Date.parse(segments[i - 1]!.endedAt) > 1_000) holes++;
  }
  return holes;
}

async function stop(): Promise<void> {
  await recording.stop();
  await booted.close();
  process.exit(0);
}
