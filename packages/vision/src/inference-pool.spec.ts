import { copyFileSync, mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InferencePool } from './inference-pool.ts';
import { defaultModelDir } from './model-files.ts';
import { MEDIA_MISSING_REASON, decodeClip, sharedMediaDir } from './testing/media.ts';

const media = sharedMediaDir();

describe('InferencePool start-up', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'vision-pool-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('refuses to start on a truncated model file and names it', async () => {
    for (const file of readdirSync(defaultModelDir())) {
      copyFileSync(path.join(defaultModelDir(), file), path.join(scratch, file));
    }
    truncateSync(path.join(scratch, 'movenet-lightning.bin'), 4096);
    const started = InferencePool.start({ size: 1, modelDir: scratch });
    await expect(started).rejects.toMatchObject({
      code: 'VISION_MODEL_TRUNCATED',
      field: path.join(scratch, 'movenet-lightning.bin'),
    });
  });
});

describe.skipIf(!media)(`InferencePool on real frames (${MEDIA_MISSING_REASON})`, () => {
  let pool: InferencePool;
  beforeAll(async () => {
    pool = await InferencePool.start({ size: 1 });
  });
  afterAll(() => pool.close());

  it('finds the four seated adults of the classroom clip with their poses', async () => {
    const clip = path.join(media!, 'video/intel_classroom_loop2.mp4');
    const [frame] = decodeClip(clip, { fps: 1, startS: 1, count: 1 });
    const result = await pool.detectPeople(frame!);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.length).toBeGreaterThanOrEqual(3);
    for (const person of result.value) {
      expect(person.pose).toHaveLength(17);
      const nose = person.pose[0]!;
      expect(nose.x).toBeGreaterThanOrEqual(person.box.x - person.box.width * 0.2);
      expect(nose.x).toBeLessThanOrEqual(person.box.x + person.box.width * 1.2);
    }
  });

  it('finds nobody in the test pattern', async () => {
    const clip = path.join(media!, 'video/synthetic_testsrc2_control.mp4');
    const [frame] = decodeClip(clip, { fps: 1, startS: 2, count: 1 });
    const result = await pool.detectPeople(frame!);
    expect(result).toEqual({ ok: true, value: [] });
  });

  it('returns an error for a corrupt frame and keeps serving', async () => {
    const corrupt = { width: 64, height: 64, timestampMs: 0, data: new Uint8Array(100) };
    const result = await pool.detectPeople(corrupt);
    expect(result.ok ? 'ok' : result.error.code).toBe('VISION_FRAME_INVALID');
    const empty = { width: 64, height: 64, timestampMs: 0, data: new Uint8Array(64 * 64 * 3) };
    expect((await pool.detectPeople(empty)).ok).toBe(true);
  });
});
