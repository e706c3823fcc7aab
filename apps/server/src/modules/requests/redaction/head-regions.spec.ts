import type { PersonDetection } from '@gardenwatch/vision';
import { describe, expect, it } from 'vitest';
import { headBox, mergeHeadsAndFaces } from './head-regions.ts';

const person = (headPoints: [number, number][]): PersonDetection => ({
  box: { x: 100, y: 50, width: 80, height: 200 },
  score: 0.9,
  pose: Array.from({ length: 17 }, (_, i) => {
    const p = headPoints[i];
    return p ? { x: p[0], y: p[1], score: 0.8 } : { x: 0, y: 0, score: 0.05 };
  }),
});

describe('head regions', () => {
  it('puts the head around the nose, eyes and ears the pose found', () => {
    const head = headBox(
      person([
        [140, 70],
        [135, 65],
        [145, 65],
        [128, 68],
        [152, 68],
      ]),
    );

    expect(head.x).toBeLessThan(128);
    expect(head.x + head.width).toBeGreaterThan(152);
    expect(head.y).toBeLessThan(65);
    expect(head.y + head.height).toBeGreaterThan(70);
  });

  it('falls back to the top of the person’s box when the face keypoints are missing', () => {
    expect(headBox(person([]))).toEqual({ x: 116, y: 50, width: 48, height: 60 });
  });

  it('keeps a face outside every head, and drops one inside a head', () => {
    const inside = { box: { x: 125, y: 55, width: 20, height: 20 }, score: 0.9 };
    const apart = { box: { x: 400, y: 40, width: 20, height: 20 }, score: 0.9 };
    const boxes = mergeHeadsAndFaces([person([])], [inside, apart]);

    expect(boxes).toHaveLength(2);
    expect(boxes[1]).toEqual(apart.box);
  });
});
