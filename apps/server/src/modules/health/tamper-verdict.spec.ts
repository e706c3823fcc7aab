import { describe, expect, it } from 'vitest';
import {
  contrast,
  laplacianVariance,
  layoutCorrelation,
  meanAbsDifference,
  meanLevel,
  type GreyFrame,
} from './tamper-measures.ts';
import { judgeSample, TamperTracker } from './tamper-verdict.ts';

const W = 160;
const H = 120;

/** A scene: a bright window top left, a dark floor, stripes (edges) on a wall. */
function scene(shift = 0, noise = 0, seed = 1): GreyFrame {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2;
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      const sx = (x + shift) % W;
      let v = y > 80 ? 50 : 120;
      if (sx < 50 && y < 40) v = 230;
      if (sx > 90 && y < 80 && Math.floor(sx / 4) % 2 === 0) v = 20;
      data[y * W + x] = Math.max(0, Math.min(255, Math.round(v + noise * random())));
    }
  }
  return { width: W, height: H, data };
}

function boxBlur(frame: GreyFrame, radius: number): GreyFrame {
  const data = new Uint8Array(frame.data.length);
  for (let y = 0; y < H; y += 1) {
    for (let x = 0; x < W; x += 1) {
      let sum = 0;
      let n = 0;
      for (let dy = -radius; dy <= radius; dy += 1) {
        for (let dx = -radius; dx <= radius; dx += 1) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || yy >= H || xx < 0 || xx >= W) continue;
          sum += frame.data[yy * W + xx]!;
          n += 1;
        }
      }
      data[y * W + x] = Math.round(sum / n);
    }
  }
  return { width: W, height: H, data };
}

const flat = (level: number): GreyFrame => ({
  width: W,
  height: H,
  data: new Uint8Array(W * H).fill(level),
});

describe('tamper measures', () => {
  it('mean level and contrast of a flat and a busy picture', () => {
    expect(meanLevel(flat(17))).toBe(17);
    expect(contrast(flat(17))).toBe(0);
    expect(contrast(scene())).toBeGreaterThan(30);
  });

  it('blur takes away edge energy', () => {
    const sharp = scene();
    expect(laplacianVariance(boxBlur(sharp, 3))).toBeLessThan(laplacianVariance(sharp) * 0.1);
    expect(laplacianVariance(flat(90))).toBe(0);
  });

  it('the coarse layout correlates for the same view, blurred or noisy, not for another view', () => {
    const reference = scene();
    expect(layoutCorrelation(scene(0, 20, 7), reference)).toBeGreaterThan(0.95);
    expect(layoutCorrelation(boxBlur(reference, 3), reference)).toBeGreaterThan(0.95);
    expect(layoutCorrelation(scene(70), reference)).toBeLessThan(0.55);
    expect(layoutCorrelation(flat(100), reference)).toBe(0);
  });

  it('difference is zero only for identical pictures', () => {
    expect(meanAbsDifference(scene(), scene())).toBe(0);
    expect(meanAbsDifference(scene(0, 10, 1), scene(0, 10, 2))).toBeGreaterThan(1);
  });
});

describe('judgeSample', () => {
  const reference = scene();

  it('names each tamper kind and nothing for a live clear view', () => {
    expect(judgeSample(scene(0, 8, 3), reference, scene(0, 8, 2))).toBeNull();
    expect(judgeSample(flat(18), reference, null)).toBe('covered');
    expect(judgeSample(scene(70), reference, null)).toBe('turned');
    expect(judgeSample(boxBlur(reference, 4), reference, null)).toBe('defocused');
    const still = scene(0, 8, 5);
    expect(judgeSample(still, reference, still)).toBe('frozen');
  });

  it('a dark but detailed scene is not covered; without a reference only cover and freeze count', () => {
    const dark: GreyFrame = { ...reference, data: reference.data.map((v) => Math.round(v / 3)) };
    expect(judgeSample(dark, null, null)).toBeNull();
    expect(judgeSample(scene(70), null, null)).toBeNull();
  });
});

describe('TamperTracker', () => {
  it('raises after two verdicts in a row and clears after two clean ones', () => {
    const tracker = new TamperTracker(2);
    expect(tracker.push('covered')).toBe(false);
    expect(tracker.push(null)).toBe(false);
    expect(tracker.push('covered')).toBe(false);
    expect(tracker.push('covered')).toBe(true);
    expect(tracker.state).toBe('covered');
    expect(tracker.push(null)).toBe(false);
    expect(tracker.push(null)).toBe(true);
    expect(tracker.state).toBeNull();
  });
});
