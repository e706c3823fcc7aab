import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InferencePool } from './inference-pool.ts';
import { PeopleAnalyser } from './people-analyser.ts';
import { MEDIA_MISSING_REASON, decodeClip, sharedMediaDir } from './testing/media.ts';
import { standingPose } from './testing/skeleton.ts';
import { poseBox } from './geometry.ts';

const media = sharedMediaDir();

describe('PeopleAnalyser with constructed poses', () => {
  it('uses apparent height from a calibrated camera', () => {
    const camera = { heightM: 2.8, tiltDeg: 20, focalPx: 800, principalY: 360 };
    const analyser = new PeopleAnalyser({ camera });
    const pose = standingPose({ x: 300, footY: 600, heightPx: 300 });
    const [person] = analyser.update([{ box: poseBox(pose), score: 0.9, pose }], 0);
    expect(person?.heightM).toBeGreaterThan(0.5);
    expect(person?.age.ageClass).toBe('adult');
  });
});

describe.skipIf(!media)(`PeopleAnalyser on real clips (${MEDIA_MISSING_REASON})`, () => {
  let pool: InferencePool;
  beforeAll(async () => {
    pool = await InferencePool.start({ size: 1 });
  });
  afterAll(() => pool.close());

  it('tracks the two walking adults and never calls either a child', async () => {
    const clip = path.join(media!, 'video/intel_face_demographics_walking_loop2.mp4');
    const frames = decodeClip(clip, { fps: 2, startS: 0.5, count: 5 });
    const analyser = new PeopleAnalyser();
    const ids = new Set<number>();
    let last: ReturnType<PeopleAnalyser['update']> = [];
    for (const frame of frames) {
      const result = await pool.detectPeople(frame);
      if (!result.ok) throw result.error;
      last = analyser.update(result.value, frame.timestampMs);
      for (const person of last) ids.add(person.trackId);
      for (const person of last) expect(person.age.ageClass).not.toBe('child');
    }
    expect(ids.size).toBe(2);
    expect(last.map((p) => p.age.ageClass)).toEqual(['adult', 'adult']);
  });
});
