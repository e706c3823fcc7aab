/**
 * The largest N of 1080p, 4 Mb/s RTSP cameras this machine records for a long window with no
 * segment lost: every camera has every segment of the window indexed, no gap opened and no
 * hole between consecutive segments. Run: `nice npx tsx bench/recording-capacity.bench.ts`.
 * Environment: BENCH_N (default "64", tried in order until one fails), BENCH_SECONDS
 * (default 300).
 */
import os from 'node:os';
import path from 'node:path';
import { root, writeResult } from './bench-kit.ts';
import { encodeClip, round, runScenario, SEGMENT_SECONDS } from './recording-kit.ts';

const counts = (process.env.BENCH_N ?? '64').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 300);

encodeClip();
const runs = [];
for (const count of counts) {
  const result = await runScenario(count, seconds, false);
  runs.push(result);
  console.log(
    `N=${count} for ${seconds}s: ${result.allRecorded ? 'no segment lost' : 'segments lost'}`,
  );
  if (!result.allRecorded) break;
}

const output = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(round), node: process.version },
  stream: { resolution: '1920x1080', fps: 25, bitrateMbps: 4, segmentSeconds: SEGMENT_SECONDS },
  target: 64,
  runs,
  largestRecorded: runs.filter((r) => r.allRecorded).at(-1)?.cameras ?? null,
};
const resultFile = writeResult('recording-capacity', output);
console.table(
  runs.map((r) => ({
    cameras: r.cameras,
    seconds: r.windowSeconds,
    'recorder cores': r.gardenwatch.cores,
    'node cores': r.gardenwatch.nodeCores,
    segments: `${r.gardenwatch.segments}/${r.gardenwatch.expectedSegments}`,
    'min/camera': r.minPerCamera,
    gaps: r.gaps,
    holes: r.holes,
    'no segment lost': r.allRecorded,
  })),
);
console.log(`results written to ${path.relative(root, resultFile)}`);
