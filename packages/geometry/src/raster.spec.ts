import { describe, expect, it } from 'vitest';
import { computeFloorCoverage } from './coverage.ts';
import { rasterCoverage } from './raster.ts';
import { camera, fisheye, rect, room } from './spec-fixtures.ts';

describe('rasterCoverage', () => {
  const plan = room(rect(0, 0, 20, 20), {
    obstacles: [{ id: 'pillar-1', kind: 'pillar', polygon: rect(14, 9, 16, 11) }],
    walls: [{ id: 'w1', a: { x: 4, y: 2 }, b: { x: 4, y: 12 }, thickness: 0.2 }],
  });
  const cameras = [
    fisheye('c1', { x: 10, y: 10 }),
    camera('c2', { x: 1, y: 1 }, { direction: 60, fov: 70, range: 12 }),
  ];

  it('agrees with the exact computation to within the grid resolution', () => {
    const exact = computeFloorCoverage(plan, cameras);
    const raster = rasterCoverage(plan, cameras, { cellSize: 0.1 });

    expect(raster.requiredM2).toBeCloseTo(exact.requiredM2, 0);
    expect(Math.abs(raster.coveredM2 - exact.coveredM2) / exact.coveredM2).toBeLessThan(0.005);
  });

  it('counts no sample behind the pillar as covered from the centre', () => {
    const raster = rasterCoverage(plan, [fisheye('c1', { x: 10, y: 10 })], { cellSize: 0.25 });
    const exact = computeFloorCoverage(plan, [fisheye('c1', { x: 10, y: 10 })]);
    expect(raster.areas[0]!.coveredSamples).toBeLessThan(raster.areas[0]!.samples);
    expect(Math.abs(raster.coveredM2 - exact.coveredM2)).toBeLessThan(3);
  });
});
