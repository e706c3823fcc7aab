/**
 * Throughput of the whole vision pipeline (frame validation, motion test, worker pool, person
 * detection and pose, tracking, age estimate, behaviour rules) against bare model inference
 * (the same frames straight into the workers) in the same run, and the CPU spent on 8
 * cameras of still scenes at 1 frame per second (the motion test keeps the models idle).
 * Run: npx tsx bench/vision-pipeline.bench.ts
 * Environment: BENCH_FRAMES (default 16), BENCH_STILL_SECONDS (default 15).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CameraPipeline, InferencePool, type Frame } from '@gardenwatch/vision';
import { decodeClip, sharedMediaDir } from '@gardenwatch/vision/testing';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const frameCount = Number(process.env.BENCH_FRAMES ?? 16);
const stillSeconds = Number(process.env.BENCH_STILL_SECONDS ?? 15);
const STILL_CAMERAS = 8;
const context = { zones: [], isOpen: () => true, isNight: () => false };

const media = sharedMediaDir();
if (!media) {
  console.error('The media kit (../shared/media) is not beside the repo: no frames with people.');
  process.exit(1);
}
const clip = path.join(media, 'video/intel_face_demographics_walking_loop2.mp4');
const frames = decodeClip(clip, { fps: 4, count: frameCount });
const cores = os.availableParallelism();
const pool = await InferencePool.start({ size: cores });

/** Runs `work` on every frame with `cores` frames in flight; returns frames per second. */
async function rate(work: (frame: Frame, index: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < frames.length) {
      const index = next++;
      await work(frames[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: cores }, lane));
  return (frames.length / (performance.now() - started)) * 1000;
}

await rate((frame) => pool.detectPeople(frame));

const bare = await rate((frame) => pool.detectPeople(frame));
// One camera per lane so that each camera sees its frames in order and every frame moves.
const pipelines = Array.from(
  { length: cores },
  () => new CameraPipeline({ detector: pool, context }),
);
const pipeline = await rate((frame, index) =>
  pipelines[index % cores]!.process({ ...frame, timestampMs: index * 250 }),
);

/** Still scenes: one real frame with a little sensor noise, a new copy each second. */
function noisy(frame: Frame, seed: number): Frame {
  const data = new Uint8Array(frame.data);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 16807) % 2147483647;
    data[i] = Math.max(0, Math.min(255, data[i]! + (s % 7) - 3));
  }
  return { ...frame, data };
}
const variants = Array.from({ length: 4 }, (_, i) => noisy(frames[0]!, i + 1));
const cameras = Array.from(
  { length: STILL_CAMERAS },
  () => new CameraPipeline({ detector: pool, context }),
);
await Promise.all(cameras.map((c) => c.process({ ...variants[0]!, timestampMs: 0 })));

let analysed = 0;
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
for (let second = 1; second <= stillSeconds; second++) {
  const tick = performance.now();
  const outcomes = await Promise.all(
    cameras.map((c) =>
      c.process({ ...variants[second % variants.length]!, timestampMs: second * 1000 }),
    ),
  );
  analysed += outcomes.filter((o) => o.ok && o.value.status === 'analysed').length;
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, 1000 - (performance.now() - tick))),
  );
}
const cpu = process.cpuUsage(cpuBefore);
const wallMs = performance.now() - wallBefore;
const stillCpuPercent = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
await pool.close();

const result = {
  cores,
  frames: frames.length,
  frameSize: `${frames[0]!.width}x${frames[0]!.height}`,
  bareFps: bare,
  pipelineFps: pipeline,
  bareFpsPerCore: bare / cores,
  pipelineFpsPerCore: pipeline / cores,
  ratio: pipeline / bare,
  ratioTarget: 0.8,
  stillCameras: STILL_CAMERAS,
  stillSeconds,
  stillFramesAnalysed: analysed,
  stillCpuPercentOfOneCore: stillCpuPercent,
  stillCpuTarget: 10,
};
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(
  path.join(root, 'bench/results/vision-pipeline.json'),
  JSON.stringify(result, null, 2),
);
console.table({
  'bare inference': { 'frames/s': bare.toFixed(2), 'frames/s per core': (bare / cores).toFixed(2) },
  'whole pipeline': {
    'frames/s': pipeline.toFixed(2),
    'frames/s per core': (pipeline / cores).toFixed(2),
  },
});
console.log(`pipeline / bare = ${result.ratio.toFixed(3)} (target >= 0.8)`);
console.log(
  `${STILL_CAMERAS} still cameras at 1 fps for ${stillSeconds} s: ${stillCpuPercent.toFixed(2)}% of one core, ${analysed} frames sent to the models (target <= 10%)`,
);
