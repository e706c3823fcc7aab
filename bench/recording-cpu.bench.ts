/**
 * CPU of N 1080p, 4 Mb/s RTSP cameras recorded by Gardenwatch's recorder (the recording
 * service in its own process: Node, PGlite, one ffmpeg per camera) against N bare
 * `ffmpeg -c copy -f segment` processes reading the same streams, side by side in one run.
 * Then the largest N recorded for a shorter window with every expected segment indexed.
 * Run: `npx tsx bench/recording-cpu.bench.ts`.
 *
 * The cameras are GStreamer's RTSP server (apps/server/test/rtsp-source.py) looping a
 * pre-encoded 1080p25 H.264 clip at 4 Mb/s without re-encoding; its CPU is not counted.
 * Environment: BENCH_CAMERAS (default "4,8"), BENCH_SECONDS (default 60), BENCH_MAX_N
 * (default "16,32,64"), BENCH_MAX_SECONDS (default 30).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './bench-kit.ts';
import { encodeClip, round, runScenario, SEGMENT_SECONDS } from './recording-kit.ts';

const resultFile = path.join(root, 'bench/results/recording-cpu.json');
const ratioCounts = (process.env.BENCH_CAMERAS ?? '4,8').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const maxCounts = (process.env.BENCH_MAX_N ?? '16,32,64').split(',').map(Number);
const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 30);

async function main(): Promise<void> {
  encodeClip();
  const ratio = [];
  for (const count of ratioCounts) {
    const result = await runScenario(count, seconds, true);
    const r =
      result.bare && result.bare.cpuSeconds > 0
        ? round(result.gardenwatch.cpuSeconds / result.bare.cpuSeconds)
        : null;
    ratio.push({ ...result, ratio: r });
    console.log(
      `N=${count}: gardenwatch ${result.gardenwatch.cores} cores (node ${result.gardenwatch.nodeCores}), bare ${result.bare?.cores} cores, ratio ${r}`,
    );
  }
  const largest = [];
  for (const count of maxCounts) {
    const result = await runScenario(count, maxSeconds, false);
    largest.push(result);
    console.log(
      `N=${count} for ${maxSeconds}s: ${result.allRecorded ? 'every segment recorded' : 'segments missing'} (min ${result.minPerCamera}/camera, gaps ${result.gaps})`,
    );
    if (!result.allRecorded) break;
  }

  const output = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map(round),
      node: process.version,
    },
    stream: { resolution: '1920x1080', fps: 25, bitrateMbps: 4, segmentSeconds: SEGMENT_SECONDS },
    ratioTarget: 1.1,
    ratio,
    largest,
    largestRecorded:
      largest
        .filter((r) => r.allRecorded)
        .map((r) => r.cameras)
        .at(-1) ?? null,
  };
  mkdirSync(path.dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(output, null, 2)}\n`);

  console.table(
    ratio.map((r) => ({
      cameras: r.cameras,
      seconds: r.windowSeconds,
      'gardenwatch cores': r.gardenwatch.cores,
      'gw node cores': r.gardenwatch.nodeCores,
      'bare cores': r.bare?.cores,
      ratio: r.ratio,
      'gw segments': `${r.gardenwatch.segments}/${r.gardenwatch.expectedSegments}`,
      'bare segments': `${r.bare?.segments}/${r.bare?.expectedSegments}`,
    })),
  );
  console.table(
    largest.map((r) => ({
      cameras: r.cameras,
      seconds: r.windowSeconds,
      'gardenwatch cores': r.gardenwatch.cores,
      'min segments/camera': r.minPerCamera,
      gaps: r.gaps,
      'all recorded': r.allRecorded,
    })),
  );
  console.log(`results written to ${path.relative(root, resultFile)}`);
}

await main();
