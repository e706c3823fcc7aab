import type { Box, Frame } from '@gardenwatch/vision';
import { rm, writeFile } from 'node:fs/promises';
import type { FfmpegTools } from '../../../platform/ffmpeg.ts';
import {
  buildTracks,
  coveredBy,
  maskSchedule,
  type FaceTrack,
  type SampledFaces,
} from './face-tracks.ts';
import { pixelateYuv420 } from './pixelate.ts';
import { probeVideo, rawFrames, RawEncoder, type VideoInfo } from './raw-video.ts';
import { watermarkFilter, watermarkFont } from './watermark.ts';

/** Faces on one frame (RGB), as boxes in that frame's pixels. */
export type FaceFinder = (frame: Frame) => Promise<Box[]>;

export interface RedactionOptions {
  tools: FfmpegTools;
  /** The check's detector: faces visible in the output. */
  findFaces: FaceFinder;
  /** What to mask (heads and faces); the face detector when absent. */
  findRegions?: FaceFinder;
  /** Faces are searched on every `stride`-th frame; tracks fill the frames between. */
  stride: number;
  /** Width of the frames the detector sees. */
  detectWidth: number;
  /** Detections in flight at once (the inference pool's size). */
  parallel: number;
  onProgress?: (share: number) => void;
}

export interface DetectedClip {
  info: VideoInfo;
  tracks: FaceTrack[];
  framesSearched: number;
  faces: number;
}

export interface RedactionCheck {
  framesChecked: number;
  /** Faces the detector finds in the original on the frames checked. */
  facesInOriginal?: number;
  /** Faces the detector still finds in the output. */
  facesFound: number;
  /** Of those, the ones outside every unmasked track: each one is a failure. */
  facesOutsideUnmasked: number;
  /** Where those were, to be masked in another round. */
  missed: SampledFaces[];
}

/**
 * Faces are searched about 6 times a second (every 4th frame at 25 fps); the check looks at
 * every other gap between searched frames, in its middle, where boxes are interpolated.
 */
export const DEFAULT_REDACTION = {
  searchesPerSecond: 6,
  checkEvery: 2,
  detectWidth: 640,
  grow: 0.35,
};

// LIMITATION: redaction is as good as BlazeFace at 640 px: a face it never finds (small,
// turned away, in the dark) is neither blurred nor counted by the check, and frames that are
// neither searched nor checked are not verified.

/** Frames between searches at a clip's frame rate. */
export const strideFor = (fps: number): number =>
  Math.max(1, Math.round(fps / DEFAULT_REDACTION.searchesPerSecond));

const even = (n: number) => Math.max(16, Math.round(n / 2) * 2);

/** Every `stride`-th frame of the clip through the face finder, at most `parallel` at once. */
export async function findFacesInClip(
  file: string,
  options: RedactionOptions & {
    info?: VideoInfo;
    /** Search frames `offset`, `offset + stride`, ...; the check searches between the samples. */
    offset?: number;
    progressFrom?: number;
    progressTo?: number;
  },
): Promise<{ info: VideoInfo; sampled: SampledFaces[]; scale: number }> {
  const info = options.info ?? (await probeVideo(options.tools, file));
  const width = even(Math.min(options.detectWidth, info.width));
  const height = even((info.height * width) / info.width);
  const scale = info.width / width;
  const sampled: SampledFaces[] = [];
  const inFlight = new Set<Promise<void>>();
  const [p0, p1] = [options.progressFrom ?? 0, options.progressTo ?? 1];
  let index = 0;
  for await (const data of rawFrames(options.tools, { file, width, height, pixFmt: 'rgb24' })) {
    const frame = index++;
    if (frame % options.stride !== (options.offset ?? 0)) continue;
    const job = options
      .findFaces({ width, height, timestampMs: (frame * 1000) / info.fps, data: pixels(data) })
      .then((boxes) => {
        sampled.push({ frame, boxes: boxes.map((b) => scaleBox(b, scale)) });
      });
    inFlight.add(job);
    void job.finally(() => inFlight.delete(job));
    if (inFlight.size >= options.parallel) await Promise.race(inFlight);
    options.onProgress?.(p0 + ((p1 - p0) * frame) / Math.max(1, info.frames));
  }
  await Promise.all(inFlight);
  return { info, sampled: sampled.sort((a, b) => a.frame - b.frame), scale };
}

export async function detectClip(
  file: string,
  options: RedactionOptions & { info?: VideoInfo },
): Promise<DetectedClip> {
  const findFaces = options.findRegions ?? options.findFaces;
  const { info, sampled } = await findFacesInClip(file, { ...options, findFaces, progressTo: 1 });
  return {
    info,
    tracks: buildTracks(sampled),
    framesSearched: sampled.length,
    faces: sampled.reduce((n, s) => n + s.boxes.length, 0),
  };
}

/**
 * Writes the redacted clip: every frame decoded, the faces of every track not unmasked
 * pixelated, the watermark burned in, encoded again as H.264.
 */
export async function renderRedacted(input: {
  tools: FfmpegTools;
  source: string;
  output: string;
  detected: DetectedClip;
  unmasked: Set<number>;
  stride: number;
  watermark: string;
  onProgress?: (share: number) => void;
}): Promise<void> {
  const { info } = input.detected;
  const width = even(info.width);
  const height = even(info.height);
  const masked = input.detected.tracks.filter((t) => !input.unmasked.has(t.id));
  const schedule = maskSchedule(masked, {
    frameCount: info.frames + input.stride,
    stride: input.stride,
    grow: DEFAULT_REDACTION.grow,
    width,
    height,
  });
  const textFile = `${input.output}.watermark.txt`;
  await writeFile(textFile, input.watermark);
  const encoder = new RawEncoder(input.tools, {
    file: input.output,
    width,
    height,
    fps: info.fps,
    filter: watermarkFilter({ font: watermarkFont(), textFile }),
  });
  try {
    let index = 0;
    const frames = rawFrames(input.tools, { file: input.source, width, height, pixFmt: 'yuv420p' });
    for await (const frame of frames) {
      pixelateYuv420(frame, width, height, schedule[index] ?? schedule.at(-1) ?? []);
      await encoder.write(frame);
      index++;
      if (index % 25 === 0) input.onProgress?.(index / Math.max(1, info.frames));
    }
    await encoder.end();
  } catch (error) {
    encoder.kill();
    throw error;
  } finally {
    await rm(textFile, { force: true });
  }
}

/**
 * Face detection on the output, on the frames between the searched ones (where boxes were
 * interpolated, the weakest places): a face found there must lie inside an unmasked track's
 * box (the reviewer chose to show it); any other is a face the redaction missed.
 */
export async function checkRedacted(
  output: string,
  options: RedactionOptions & { detected: DetectedClip; unmasked: Set<number> },
): Promise<RedactionCheck> {
  const offset = Math.floor(options.stride / 2);
  const stride = options.stride * DEFAULT_REDACTION.checkEvery;
  const { info, sampled } = await findFacesInClip(output, { ...options, stride, offset });
  const shown = options.detected.tracks.filter((t) => options.unmasked.has(t.id));
  const allowed = maskSchedule(shown, {
    frameCount: info.frames + options.stride,
    stride: options.stride,
    grow: DEFAULT_REDACTION.grow,
    width: info.width,
    height: info.height,
  });
  let facesFound = 0;
  const missed: SampledFaces[] = [];
  for (const { frame, boxes } of sampled) {
    facesFound += boxes.length;
    const outside = boxes.filter((box) => !coveredBy(box, allowed[frame] ?? []));
    if (outside.length > 0) missed.push({ frame, boxes: outside });
  }
  const facesOutsideUnmasked = missed.reduce((n, m) => n + m.boxes.length, 0);
  return { framesChecked: sampled.length, facesFound, facesOutsideUnmasked, missed };
}

export interface RedactionOutcome {
  check: RedactionCheck;
  /** The check of each round, the first one before any face it found was masked. */
  checks: RedactionCheck[];
  /** Renders needed: a second one masks what the first check still found. */
  rounds: number;
}

/**
 * Renders, checks, and when the check still finds a face outside the unmasked tracks, masks
 * those faces as tracks of their own and renders again (at most `maxRounds` times).
 */
export async function redactAndCheck(input: {
  options: RedactionOptions;
  source: string;
  output: string;
  detected: DetectedClip;
  unmasked: Set<number>;
  watermark: string;
  maxRounds?: number;
}): Promise<RedactionOutcome> {
  const { options } = input;
  let detected = input.detected;
  const checks: RedactionCheck[] = [];
  for (let round = 1; ; round++) {
    await renderRedacted({ ...input, tools: options.tools, detected, stride: options.stride });
    const check = await checkRedacted(input.output, {
      ...options,
      detected,
      unmasked: input.unmasked,
    });
    checks.push(check);
    if (check.facesOutsideUnmasked === 0 || round >= (input.maxRounds ?? 2)) {
      return { check, checks, rounds: round };
    }
    const firstId = Math.max(0, ...detected.tracks.map((t) => t.id)) + 1;
    const extra = buildTracks(check.missed).map((t) => ({ ...t, id: t.id + firstId }));
    detected = { ...detected, tracks: [...detected.tracks, ...extra] };
  }
}

const pixels = (data: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.length);

const scaleBox = (b: Box, s: number): Box => ({
  x: b.x * s,
  y: b.y * s,
  width: b.width * s,
  height: b.height * s,
});
