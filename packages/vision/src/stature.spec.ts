import { describe, expect, it } from 'vitest';
import { combineEstimates, estimateFromHeight, estimateFromProportions } from './stature.ts';
import { buildPose, standingPose } from './testing/skeleton.ts';

describe('estimateFromProportions', () => {
  it('tells a standing adult from a standing child at any distance from the camera', () => {
    for (const heightPx of [120, 250, 480]) {
      const adult = estimateFromProportions(standingPose({ x: 300, footY: 500, heightPx }));
      const child = estimateFromProportions(
        standingPose({ x: 300, footY: 500, heightPx: heightPx * 0.6, child: true }),
      );
      expect(adult.ageClass).toBe('adult');
      expect(child.ageClass).toBe('child');
      expect(adult.confidence).toBeGreaterThan(0.5);
      expect(child.confidence).toBeGreaterThan(0.5);
    }
  });

  it('does not mistake a small, far adult for a child: only proportions count', () => {
    const farAdult = estimateFromProportions(standingPose({ x: 300, footY: 200, heightPx: 90 }));
    const nearChild = estimateFromProportions(
      standingPose({ x: 300, footY: 500, heightPx: 300, child: true }),
    );
    expect(farAdult.ageClass).toBe('adult');
    expect(nearChild.ageClass).toBe('child');
  });

  it('is less sure when the legs are hidden, and unknown without the ears', () => {
    const pose = standingPose({ x: 300, footY: 500, heightPx: 300 });
    const legsHidden = pose.map((p, i) => (i >= 13 ? { ...p, score: 0.05 } : p));
    const earsHidden = pose.map((p, i) => (i === 3 || i === 4 ? { ...p, score: 0.05 } : p));
    const full = estimateFromProportions(pose);
    const partial = estimateFromProportions(legsHidden);
    expect(partial.confidence).toBeLessThan(full.confidence);
    expect(estimateFromProportions(earsHidden)).toMatchObject({
      ageClass: 'unknown',
      confidence: 0,
    });
  });

  it('keeps bent knees from shortening the body (a crouching adult stays adult)', () => {
    const crouch = buildPose({
      hip: { x: 300, y: 400 },
      heightPx: 300,
      leftLeg: [-60, 20],
      rightLeg: [60, -20],
    });
    expect(estimateFromProportions(crouch).ageClass).toBe('adult');
  });
});

describe('estimateFromHeight and combineEstimates', () => {
  it('classifies by stature with the decision at 1.38 m', () => {
    expect(estimateFromHeight(1.72).ageClass).toBe('adult');
    expect(estimateFromHeight(1.05).ageClass).toBe('child');
    expect(estimateFromHeight(1.38).ageClass).toBe('unknown');
    expect(estimateFromHeight(Number.NaN).ageClass).toBe('unknown');
  });

  it('grows more confident with agreeing looks but never beyond the best cue', () => {
    const weak = {
      ageClass: 'child' as const,
      childProbability: 0.9,
      confidence: 0.2,
      quality: 0.35,
    };
    const one = combineEstimates([weak]);
    const many = combineEstimates(Array.from({ length: 20 }, () => weak));
    expect(many.confidence).toBeGreaterThan(one.confidence);
    expect(many.confidence).toBeLessThanOrEqual(0.35);
  });
});
