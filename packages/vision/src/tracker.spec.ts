import { describe, expect, it } from 'vitest';
import { poseBox } from './geometry.ts';
import { PersonTracker } from './tracker.ts';
import { standingPose } from './testing/skeleton.ts';
import type { PersonDetection } from './types.ts';

function person(x: number, heightPx = 200): PersonDetection {
  const pose = standingPose({ x, footY: 400, heightPx });
  return { box: poseBox(pose), score: 0.9, pose };
}

describe('PersonTracker', () => {
  it('keeps two people apart while they walk towards and past each other', () => {
    const tracker = new PersonTracker();
    const first = tracker.update([person(100), person(500)], 0);
    const [a, b] = first.map((t) => t.id);
    for (let step = 1; step <= 8; step++) {
      tracker.update([person(500 - step * 40), person(100 + step * 40)], step * 250);
    }
    const centreOf = (id: number | undefined): number => {
      const box = tracker.open.find((t) => t.id === id)!.history.at(-1)!.box;
      return box.x + box.width / 2;
    };
    expect(tracker.open).toHaveLength(2);
    expect(centreOf(a)).toBeCloseTo(420, 0);
    expect(centreOf(b)).toBeCloseTo(180, 0);
  });

  it('follows a fast mover by its centre when the boxes no longer overlap', () => {
    const tracker = new PersonTracker();
    const [start] = tracker.update([person(100)], 0);
    const [moved] = tracker.update([person(190)], 500);
    expect(moved?.id).toBe(start?.id);
    expect(moved?.history).toHaveLength(2);
  });

  it('closes a track after the person has been gone too long and opens a new one', () => {
    const tracker = new PersonTracker({ maxMissedMs: 2000 });
    const [before] = tracker.update([person(100)], 0);
    tracker.update([], 1000);
    const [back] = tracker.update([person(100)], 1500);
    expect(back?.id).toBe(before?.id);
    tracker.update([], 2000);
    const [later] = tracker.update([person(100)], 4000);
    expect(later?.id).not.toBe(before?.id);
  });

  it('keeps a bounded history', () => {
    const tracker = new PersonTracker({ historyMs: 1000 });
    let history = 0;
    for (let t = 0; t <= 5000; t += 100)
      history = tracker.update([person(100)], t)[0]!.history.length;
    expect(history).toBe(11);
  });
});
