import { describe, expect, it } from 'vitest';
import { SegmentClock } from './segment-clock.ts';

describe('SegmentClock', () => {
  it('places segments after the spawn time while ffmpeg buffers its probe', () => {
    let now = 1_000_000;
    const clock = new SegmentClock(() => now);
    now += 4_000;
    expect(clock.place(0, 1.8)).toEqual({ startMs: 1_000_000, endMs: 1_001_800 });
    now += 1_000;
    expect(clock.place(1.8, 2.8)).toEqual({ startMs: 1_001_800, endMs: 1_002_800 });
  });

  it('re-anchors when the server clock jumps forward or back', () => {
    let now = 1_000_000;
    const clock = new SegmentClock(() => now);
    now += 60_000;
    expect(clock.place(0, 2)).toEqual({ startMs: 1_058_000, endMs: 1_060_000 });
    now -= 30_000;
    expect(clock.place(2, 4)).toEqual({ startMs: 1_028_000, endMs: 1_030_000 });
  });
});
