/**
 * Redaction of footage requests: a 10-minute 720p clip (people from the media kit, looped) is
 * searched for faces, tracked, pixelated, watermarked, re-encoded and checked, against the bare
 * re-encode with the watermark (decode, encode, no faces) in the same run. Then blur recall on
 * the kit's clips with people: faces the detector finds in the original on the checked frames,
 * against faces it still finds in the redacted output on the same frames.
 * Run: npx tsx bench/redaction.bench.ts
 * Environment: BENCH_MINUTES (default 10).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InferencePool } from '@gardenwatch/vision';
import { sharedMediaDir } from '@gardenwatch/vision/testing';
import { lazyFfmpeg } from '../apps/server/src/platform/ffmpeg.ts';
import { run } from '../apps/server/src/modules/playback/footage.test-support.ts';
import {
  probeVideo,
  rawFrames,
  RawEncoder,
  type VideoInfo,
} from '../apps/server/src/modules/requests/redaction/raw-video.ts';
import {
  DEFAULT_REDACTION,
  detectClip,
  findFacesInClip,
  redactAndCheck,
  strideFor,
  type RedactionOptions,
} from '../apps/server/src/modules/requests/redaction/redactor.ts';
import {
  watermarkFilter,
  watermarkFont,
} from '../apps/server/src/modules/requests/redaction/watermark.ts';
import {
  faceFinder,
  headAndFaceFinder,
} from '../apps/server/src/modules/requests/redaction/head-regions.ts';
import { writeResult } from './bench-kit.ts';

const minutes = Number(process.env.BENCH_MINUTES ?? 10);
const media = sharedMediaDir();
if (!media) {
  console.error('The media kit (../shared/media) is not beside the repo: no clips with people.');
  process.exit(1);
}
const video = (name: string) => path.join(media, 'video', name);
const PEOPLE_CLIPS = [
  'intel_face_demographics_walking_loop2.mp4',
  'intel_classroom_loop2.mp4',
  'intel_one_by_one_person_0-30s.mp4',
  'intel_worker_zone_loop2.mp4',
  'assist_fall_vertical_faint.mp4',
  'assist_adl_sit_lie_down_quickly.mp4',
];

const tools = lazyFfmpeg({ ffmpegPath: undefined })();
const work = await mkdtemp(path.join(os.tmpdir(), 'gw-bench-redaction-'));
const pool = await InferencePool.start({ size: os.availableParallelism() });
const options = (fps: number): RedactionOptions => ({
  tools,
  stride: strideFor(fps),
  detectWidth: DEFAULT_REDACTION.detectWidth,
  parallel: pool.size,
  findFaces: faceFinder(pool),
  findRegions: headAndFaceFinder(pool),
});
const seconds = (startedMs: number) => Math.round((performance.now() - startedMs) / 100) / 10;

/** Walkers then a seated group at 1280x720, 25 fps, looped to the length asked. */
async function buildLongClip(): Promise<string> {
  const unit = path.join(work, 'unit.mp4');
  const long = path.join(work, 'long.mp4');
  const scale = 'scale=1280:720,fps=25,setsar=1';
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error'],
    ...['-i', video(PEOPLE_CLIPS[0]!), '-i', video(PEOPLE_CLIPS[1]!)],
    ...['-filter_complex', `[0:v]${scale}[a];[1:v]${scale}[b];[a][b]concat=n=2:v=1[v]`],
    ...[
      '-map',
      '[v]',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-g',
      '25',
      '-b:v',
      '2M',
      '-y',
      unit,
    ],
  ]);
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-stream_loop', '-1', '-i', unit],
    ...['-t', String(minutes * 60), '-c', 'copy', '-y', long],
  ]);
  return long;
}

/** Baseline: the same decode and watermarked encode with no face work at all. */
async function bareReencode(file: string): Promise<number> {
  const info = await probeVideo(tools, file);
  const textFile = path.join(work, 'wm.txt');
  await writeFile(textFile, 'Baseline · #0 · 2026-12-04');
  const encoder = new RawEncoder(tools, {
    file: path.join(work, 'bare.mp4'),
    ...info,
    filter: watermarkFilter({ font: watermarkFont(), textFile }),
  });
  const started = performance.now();
  for await (const frame of rawFrames(tools, { file, ...info, pixFmt: 'yuv420p' })) {
    await encoder.write(frame);
  }
  await encoder.end();
  return seconds(started);
}

async function longClipRun() {
  const file = await buildLongClip();
  const info = await probeVideo(tools, file);
  const baselineS = await bareReencode(file);
  const opts = options(info.fps);
  const started = performance.now();
  const detected = await detectClip(file, { ...opts, info });
  const detectS = seconds(started);
  const output = path.join(work, 'long.redacted.mp4');
  const renderStarted = performance.now();
  const outcome = await redactAndCheck({
    options: opts,
    source: file,
    output,
    detected,
    unmasked: new Set(),
    watermark: 'Bench · #1 · 2026-12-04',
  });
  const renderAndCheckS = seconds(renderStarted);
  const totalS = seconds(started);
  const original = await facesOnCheckedFrames(file, opts, info);
  const [first] = outcome.checks;
  return {
    clip: { minutes, width: info.width, height: info.height, fps: info.fps, frames: info.frames },
    stride: opts.stride,
    baselineReencodeS: baselineS,
    detectS,
    renderAndCheckS,
    totalS,
    rounds: outcome.rounds,
    facesFound: detected.faces,
    facesPerSecond: Math.round((detected.faces / detectS) * 10) / 10,
    searchedFramesPerSecond: Math.round((detected.framesSearched / detectS) * 10) / 10,
    tracks: detected.tracks.length,
    facesInOriginalOnCheckedFrames: original,
    firstRound: {
      visible: first!.facesOutsideUnmasked,
      recall: recallOf(original, first!.facesOutsideUnmasked),
    },
    final: {
      visible: outcome.check.facesOutsideUnmasked,
      recall: recallOf(original, outcome.check.facesOutsideUnmasked),
    },
  };
}

const recallOf = (faces: number, visible: number) =>
  faces === 0 ? null : Math.round((1 - visible / faces) * 10000) / 10000;

async function facesOnCheckedFrames(file: string, opts: RedactionOptions, info: VideoInfo) {
  const stride = opts.stride * DEFAULT_REDACTION.checkEvery;
  const offset = Math.floor(opts.stride / 2);
  const found = await findFacesInClip(file, { ...opts, info, stride, offset });
  return found.sampled.reduce((n, s) => n + s.boxes.length, 0);
}

/** Faces in the original on the checked frames against faces left in the output on them. */
async function recallOn(name: string) {
  const file = video(name);
  const info = await probeVideo(tools, file);
  const opts = options(info.fps);
  const detected = await detectClip(file, { ...opts, info });
  const output = path.join(work, `${name}.redacted.mp4`);
  const outcome = await redactAndCheck({
    options: opts,
    source: file,
    output,
    detected,
    unmasked: new Set(),
    watermark: 'Recall · #2',
  });
  const facesInOriginal = await facesOnCheckedFrames(file, opts, info);
  const first = outcome.checks[0]!.facesOutsideUnmasked;
  const visible = outcome.check.facesOutsideUnmasked;
  return {
    clip: name,
    framesChecked: outcome.check.framesChecked,
    facesInOriginal,
    visibleFirstRound: first,
    facesVisibleAfter: visible,
    recall: recallOf(facesInOriginal, visible),
  };
}

try {
  const long = await longClipRun();
  const recall = [];
  for (const name of PEOPLE_CLIPS) recall.push(await recallOn(name));
  const faces = recall.reduce((n, r) => n + r.facesInOriginal, 0);
  const visible = recall.reduce((n, r) => n + r.facesVisibleAfter, 0);
  const overall = faces === 0 ? null : Math.round((1 - visible / faces) * 10000) / 10000;
  const result = {
    machine: {
      cores: os.availableParallelism(),
      load: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    long,
    recall: { overall, faces, visible, clips: recall },
    targets: { totalS: minutes * 60, recall: 0.99 },
  };
  const file = writeResult('redaction', result);
  console.table({
    'bare re-encode with watermark (baseline)': { seconds: long.baselineReencodeS },
    'find and track faces': { seconds: long.detectS },
    [`render and check (${long.rounds} rounds)`]: { seconds: long.renderAndCheckS },
    'redaction total': { seconds: long.totalS },
    target: { seconds: minutes * 60 },
  });
  console.table(recall);
  console.log(
    `faces/s ${long.facesPerSecond}; long clip recall ${long.firstRound.recall} after one round, ` +
      `${long.final.recall} after ${long.rounds}; kit recall ${overall} (target 0.99); ${file}`,
  );
} finally {
  await pool.close();
  await rm(work, { recursive: true, force: true });
}
