import type { TrackedPerson } from '@gardenwatch/vision';
import { describe, expect, it } from 'vitest';
import { AttentionScheduler } from './attention-scheduler.ts';
import { shouldBurst } from './burst-trigger.ts';

/** Frames offered at `fps` for `seconds`; returns how many were admitted. */
function offer(s: AttentionScheduler, cameraId: string, fps: number, fromMs: number, seconds = 10) {
  let admitted = 0;
  for (let t = fromMs; t < fromMs + seconds * 1000; t += 1000 / fps) {
    if (s.admit(cameraId, t)) admitted++;
  }
  return admitted;
}

describe('attention scheduler', () => {
  it('analyses about one frame a second, and eight during a burst', () => {
    const s = new AttentionScheduler({ cpuCores: 1 });
    s.add('a');
    s.record('a', 20);
    expect(offer(s, 'a', 8, 0)).toBe(10);

    s.burst('a', 10_000);
    expect(offer(s, 'a', 8, 10_000, 4)).toBe(32);
    expect(s.status(14_000)[0]).toMatchObject({ wantedFps: 8, grantedFps: 8, bursting: true });
  });

  it('keeps within the budget and reports the cameras it shortchanges', () => {
    const s = new AttentionScheduler({ cpuCores: 0.5 });
    for (const id of ['a', 'b', 'c']) {
      s.add(id);
      for (let i = 0; i < 30; i++) s.record(id, 100);
    }
    s.burst('c', 0);

    const [a, b, c] = s.status(1);
    // 3 cameras at 1 fps cost 300 ms/s; the 200 ms left buy camera c 2 more frames a second.
    expect(a).toMatchObject({ wantedFps: 1, grantedFps: 1 });
    expect(b).toMatchObject({ grantedFps: 1 });
    expect(c).toMatchObject({ wantedFps: 8, grantedFps: 3 });
    expect(s.shortfall(1).map((x) => x.cameraId)).toEqual(['c']);
  });

  it('scales the base rate down when even that exceeds the budget', () => {
    const s = new AttentionScheduler({ cpuCores: 0.2 });
    s.add('a');
    s.add('b');
    for (let i = 0; i < 30; i++) {
      s.record('a', 200);
      s.record('b', 200);
    }
    expect(s.status(0).map((x) => x.grantedFps)).toEqual([0.5, 0.5]);
    // Half a frame a second over 20 s, give or take the slack allowed for jitter.
    expect(offer(s, 'a', 8, 0, 20)).toBeGreaterThanOrEqual(10);
    expect(offer(s, 'a', 8, 20_000, 20)).toBeLessThanOrEqual(11);
    expect(s.shortfall(0)).toHaveLength(2);
  });
});

const person = (
  trackId: number,
  ageClass: 'adult' | 'child',
  box: TrackedPerson['box'],
): TrackedPerson => ({
  trackId,
  box,
  pose: [],
  age: {
    ageClass,
    childProbability: ageClass === 'child' ? 0.9 : 0.1,
    confidence: 0.8,
    quality: 1,
  },
});

describe('burst trigger', () => {
  const adult = person(1, 'adult', { x: 100, y: 0, width: 60, height: 200 });

  it('bursts when an adult and a child are within reach, not when apart', () => {
    const near = person(2, 'child', { x: 180, y: 80, width: 40, height: 110 });
    const far = person(2, 'child', { x: 400, y: 80, width: 40, height: 110 });
    expect(shouldBurst([adult, near], undefined, 0)).toBe(true);
    expect(shouldBurst([adult, far], undefined, 0)).toBe(false);
  });

  it('bursts on violent motion between two analysed frames', () => {
    const moved = person(1, 'adult', { x: 260, y: 0, width: 60, height: 200 });
    const walked = person(1, 'adult', { x: 130, y: 0, width: 60, height: 200 });
    const before = { atMs: 0, people: [adult] };
    expect(shouldBurst([moved], before, 400)).toBe(true);
    expect(shouldBurst([walked], before, 400)).toBe(false);
  });
});
