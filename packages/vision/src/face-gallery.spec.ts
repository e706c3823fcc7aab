import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCH_THRESHOLD, FaceGallery, cosineSimilarity } from './face-gallery.ts';

function vector(seed: number, length = 128): number[] {
  let s = seed;
  return Array.from({ length }, () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  });
}

function blend(a: number[], b: number[], weight: number): number[] {
  return a.map((v, i) => v * (1 - weight) + b[i]! * weight);
}

describe('FaceGallery', () => {
  it('matches the enrolled person whose closest photo is most similar', () => {
    const gallery = new FaceGallery();
    const anna = vector(1);
    const ben = vector(2);
    gallery.set({ personId: 'anna', embeddings: [anna, blend(anna, vector(9), 0.2)] });
    gallery.set({ personId: 'ben', embeddings: [ben] });
    const probe = blend(anna, vector(3), 0.25);
    expect(gallery.match(probe)?.personId).toBe('anna');
    expect(gallery.match(probe)!.similarity).toBeGreaterThan(DEFAULT_MATCH_THRESHOLD);
  });

  it('answers unknown below the threshold and after removal', () => {
    const gallery = new FaceGallery();
    gallery.set({ personId: 'anna', embeddings: [vector(1)] });
    expect(gallery.match(vector(4))).toBeUndefined();
    expect(gallery.remove('anna')).toBe(true);
    expect(gallery.match(vector(1))).toBeUndefined();
  });

  it('rejects descriptors that are not finite numbers', () => {
    const gallery = new FaceGallery();
    const bad = vector(1).map((v, i) => (i === 5 ? Number.NaN : v));
    expect(() => gallery.set({ personId: 'x', embeddings: [bad] })).toThrow();
  });

  it('scores identical directions 1 and opposite -1 whatever the length', () => {
    const a = vector(5);
    expect(
      cosineSimilarity(
        a,
        a.map((v) => v * 3),
      ),
    ).toBeCloseTo(1, 10);
    expect(
      cosineSimilarity(
        a,
        a.map((v) => -v),
      ),
    ).toBeCloseTo(-1, 10);
    expect(cosineSimilarity(a, [1, 2])).toBe(0);
  });
});
