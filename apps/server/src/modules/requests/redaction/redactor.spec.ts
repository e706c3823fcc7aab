import { InferencePool } from '@gardenwatch/vision';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lazyFfmpeg, type FfmpegTools } from '../../../platform/ffmpeg.ts';
import { faceFinder, headAndFaceFinder } from './head-regions.ts';
import { rawFrames } from './raw-video.ts';
import {
  checkRedacted,
  detectClip,
  redactAndCheck,
  renderRedacted,
  strideFor,
  type DetectedClip,
  type RedactionOptions,
} from './redactor.ts';

const clip = fileURLToPath(
  new URL(
    '../../../../../../packages/camsim/media/intel_face_demographics_walking_loop2.mp4',
    import.meta.url,
  ),
);

describe('redaction on a real clip: faces found, tracked, pixelated, checked', () => {
  let pool: InferencePool;
  let tools: FfmpegTools;
  let work: string;
  let options: RedactionOptions;
  let detected: DetectedClip;

  beforeAll(async () => {
    pool = await InferencePool.start({ size: 1 });
    tools = lazyFfmpeg({ ffmpegPath: undefined })();
    work = await mkdtemp(path.join(os.tmpdir(), 'gw-redact-'));
    options = {
      tools,
      stride: strideFor(12),
      detectWidth: 640,
      parallel: 1,
      findFaces: faceFinder(pool),
      findRegions: headAndFaceFinder(pool),
    };
    detected = await detectClip(clip, options);
  }, 120_000);

  afterAll(async () => {
    await pool?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('finds the two walkers’ faces as a few tracks', () => {
    expect(detected.faces).toBeGreaterThan(5);
    expect(detected.tracks.length).toBeGreaterThanOrEqual(2);
    expect(detected.info.frames).toBeGreaterThan(60);
  });

  it('leaves no face visible when every track is masked, and burns the watermark in', async () => {
    const output = path.join(work, 'all-masked.mp4');
    await renderRedacted({
      tools,
      source: clip,
      output,
      detected,
      unmasked: new Set(),
      stride: options.stride,
      watermark: '家长 Test · #7 · 2026-12-04',
    });
    const check = await checkRedacted(output, { ...options, detected, unmasked: new Set() });

    expect(check.framesChecked).toBeGreaterThan(15);
    expect(check).toMatchObject({ facesFound: 0, facesOutsideUnmasked: 0 });
    const [original, redacted] = await Promise.all([firstFrame(clip), firstFrame(output)]);
    // The watermark band changes the bottom rows far more than re-encoding changes the top.
    expect(meanAbsDiff(original, redacted, 0.9, 1)).toBeGreaterThan(
      3 * meanAbsDiff(original, redacted, 0, 0.1),
    );
  }, 120_000);

  it('shows an unmasked track and still hides every other face', async () => {
    const biggest = [...detected.tracks].sort((a, b) => b.samples.length - a.samples.length)[0]!;
    const unmasked = new Set([biggest.id]);
    const output = path.join(work, 'one-shown.mp4');
    const { check } = await redactAndCheck({
      options,
      source: clip,
      output,
      detected,
      unmasked,
      watermark: 'x',
    });

    expect(check.facesFound).toBeGreaterThan(0);
    expect(check.facesOutsideUnmasked).toBe(0);
  }, 120_000);

  const firstFrame = async (file: string): Promise<Buffer> => {
    for await (const frame of rawFrames(tools, {
      file,
      width: 640,
      height: 360,
      pixFmt: 'yuv420p',
    })) {
      return frame;
    }
    throw new Error(`no frame in ${file}`);
  };
});

/** Mean absolute difference of the luma rows between two shares of the height. */
function meanAbsDiff(a: Buffer, b: Buffer, fromShare: number, toShare: number): number {
  const start = Math.floor(360 * fromShare) * 640;
  const end = Math.floor(360 * toShare) * 640;
  let sum = 0;
  for (let i = start; i < end; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / (end - start);
}
