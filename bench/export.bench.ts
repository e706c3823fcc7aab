/**
 * Export of 10 minutes of one camera (720p, about 2 Mb/s, 4-second MPEG-TS segments):
 * `POST /api/exports` end to end (hold, stream copy to MP4, SHA-256, signed manifest, database
 * and audit rows) against a bare `ffmpeg -f concat -c copy` of the same segments in the same run,
 * alternating, each after one untimed copy so that both read from the page cache.
 *
 *   npx tsx bench/export.bench.ts            (BENCH_RUNS=5, BENCH_MINUTES=10)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../apps/server/src/app.ts';
import { bootPlatform } from '../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { createLogger } from '../apps/server/src/platform/logger.ts';
import { summarise, writeResult } from './bench-kit.ts';
import { officerWithFootage } from './footage-kit.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const minutes = Number(process.env.BENCH_MINUTES ?? 10);

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-export-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const booted = await bootPlatform(config, { logger: createLogger('warn') });
const { platform } = booted;
const built = await buildApp(platform, undefined);
const { app, services } = built;

try {
  const officer = await officerWithFootage(platform, built, { minutes, cameraName: 'Gate' });
  const { cameraId, cookie, csrfToken, segments } = officer;
  const startMs = officer.footageStart;
  const mediaDir = services.recording.store.mediaDir;
  const list = path.join(dataDir, 'list.txt');
  writeFileSync(list, segments.map((s) => `file '${path.join(mediaDir, s.path)}'`).join('\n'));
  const bareCopy = () =>
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-f', 'concat', '-safe', '0', '-i', list],
      ...['-map', '0:v:0', '-c', 'copy', '-f', 'mp4', '-y', path.join(dataDir, 'bare.mp4')],
    ]);
  const exportOnce = async (run: number) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/exports',
      headers: { cookie: `gw_session=${cookie}`, 'x-csrf-token': csrfToken },
      payload: {
        cameraIds: [cameraId],
        from: new Date(startMs).toISOString(),
        to: new Date(startMs + minutes * 60_000).toISOString(),
        reason: `benchmark run ${run}`,
      },
    });
    if (response.statusCode !== 201) throw new Error(`export answered ${response.body}`);
    return response.json<{ manifest: { files: { bytes: number }[] } }>();
  };

  bareCopy();
  await exportOnce(-1);
  const ours: number[] = [];
  const bare: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run += 1) {
    const t1 = performance.now();
    bareCopy();
    bare.push(performance.now() - t1);
    const t0 = performance.now();
    const body = await exportOnce(run);
    ours.push(performance.now() - t0);
    bytes = body.manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  }
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, load: os.loadavg().map((l) => Number(l.toFixed(2))) },
    minutes,
    segments: segments.length,
    bytes,
    gardenwatchMs: summarise(ours),
    bareFfmpegMs: summarise(bare),
    ratio: Number((summarise(ours).p50 / summarise(bare).p50).toFixed(2)),
  };
  const file = writeResult('export', result);
  console.table([
    {
      measure: `export ${minutes} min, ms p50 (max)`,
      value: `${result.gardenwatchMs.p50} (${result.gardenwatchMs.max})`,
    },
    {
      measure: 'bare ffmpeg concat copy, ms p50 (max)',
      value: `${result.bareFfmpegMs.p50} (${result.bareFfmpegMs.max})`,
    },
    { measure: 'ratio', value: result.ratio },
    { measure: 'load average', value: result.machine.load.join(' ') },
  ]);
  console.log(`written to ${file}`);
} finally {
  await app.close();
  await booted.close();
  rmSync(dataDir, { recursive: true, force: true });
}
