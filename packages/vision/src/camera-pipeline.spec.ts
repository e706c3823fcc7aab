import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CameraPipeline } from './camera-pipeline.ts';
import { InferencePool } from './inference-pool.ts';
import {
  MEDIA_MISSING_REASON,
  decodeClip,
  sharedMediaDir,
  syntheticFrame,
} from './testing/media.ts';

const media = sharedMediaDir();
const context = { zones: [], isOpen: () => true, isNight: () => false };

describe.skipIf(!media)(`CameraPipeline on a real clip (${MEDIA_MISSING_REASON})`, () => {
  let pool: InferencePool;
  beforeAll(async () => {
    pool = await InferencePool.start({ size: 1 });
  });
  afterAll(() => pool.close());

  it('runs the models on moving frames and skips them on a still scene', async () => {
    const clip = path.join(media!, 'video/intel_face_demographics_walking_loop2.mp4');
    const [first, second] = decodeClip(clip, { fps: 2, startS: 1, count: 2 });
    const pipeline = new CameraPipeline({ detector: pool, context });
    const statuses: string[] = [];
    for (const frame of [
      first!,
      second!,
      { ...second!, timestampMs: 2000 },
      { ...second!, timestampMs: 3000 },
    ]) {
      const outcome = await pipeline.process(frame);
      if (!outcome.ok) throw outcome.error;
      statuses.push(outcome.value.status);
      if (outcome.value.status !== 'too-dark')
        expect(outcome.value.people.length).toBeGreaterThan(0);
    }
    expect(statuses).toEqual(['analysed', 'analysed', 'still', 'still']);
  });

  it('rejects a corrupt frame with an error and reports a dark picture without alerts', async () => {
    const pipeline = new CameraPipeline({ detector: pool, context });
    const corrupt = await pipeline.process({
      width: 64,
      height: 64,
      timestampMs: 0,
      data: new Uint8Array(10),
    });
    expect(corrupt.ok ? 'ok' : corrupt.error.code).toBe('VISION_FRAME_INVALID');
    const dark = await pipeline.process(syntheticFrame({ width: 64, height: 64, level: 4 }));
    expect(dark.ok && dark.value.status).toBe('too-dark');
  });
});
