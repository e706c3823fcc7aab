import { describe, expect, it } from 'vitest';
import { MotionGate } from './motion.ts';
import { syntheticFrame } from './testing/media.ts';

const size = { width: 320, height: 240 };

function withNoise(
  level: number,
  amplitude: number,
  seed: number,
): ReturnType<typeof syntheticFrame> {
  const frame = syntheticFrame({ ...size, level });
  let s = seed;
  for (let i = 0; i < frame.data.length; i++) {
    s = (s * 16807) % 2147483647;
    frame.data[i] = level + ((s % (2 * amplitude + 1)) - amplitude);
  }
  return frame;
}

describe('MotionGate', () => {
  it('treats the first frame as motion and an identical one as still', () => {
    const gate = new MotionGate();
    expect(gate.update(syntheticFrame(size)).moving).toBe(true);
    expect(gate.update(syntheticFrame(size)).moving).toBe(false);
  });

  it('ignores per-pixel sensor noise', () => {
    const gate = new MotionGate();
    gate.update(withNoise(120, 20, 7));
    const result = gate.update(withNoise(120, 20, 99));
    expect(result.moving).toBe(false);
  });

  it('sees a person-sized object move', () => {
    const gate = new MotionGate();
    gate.update(syntheticFrame({ ...size, square: { x: 40, y: 80, size: 40, level: 30 } }));
    const result = gate.update(
      syntheticFrame({ ...size, square: { x: 70, y: 80, size: 40, level: 30 } }),
    );
    expect(result.moving).toBe(true);
    expect(result.changedFraction).toBeGreaterThan(0.01);
  });

  it('flags a picture too dark to analyse', () => {
    const gate = new MotionGate();
    expect(gate.update(syntheticFrame({ ...size, level: 5 })).tooDark).toBe(true);
    expect(gate.update(syntheticFrame({ ...size, level: 90 })).tooDark).toBe(false);
  });
});
