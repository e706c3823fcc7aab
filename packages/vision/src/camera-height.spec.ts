import { describe, expect, it } from 'vitest';
import { apparentHeight, type CameraGeometry } from './camera-height.ts';

const camera: CameraGeometry = { heightM: 2.8, tiltDeg: 25, focalPx: 700, principalY: 360 };

/** Image row of a point at `distance` metres along the floor and `height` metres up. */
function project(distanceM: number, heightM: number): number {
  const below = Math.atan2(camera.heightM - heightM, distanceM) - (camera.tiltDeg * Math.PI) / 180;
  return camera.principalY + camera.focalPx * Math.tan(below);
}

describe('apparentHeight', () => {
  it('recovers the stature of people at several distances', () => {
    for (const [distanceM, stature] of [
      [3, 1.75],
      [5, 1.1],
      [8, 1.62],
    ] as const) {
      const feet = { x: 0, y: project(distanceM, 0) };
      const head = { x: 0, y: project(distanceM, stature) };
      expect(apparentHeight(camera, feet, head)).toBeCloseTo(stature, 6);
    }
  });

  it('gives nothing when the feet are at or above the horizon', () => {
    const horizon = camera.principalY - camera.focalPx * Math.tan((camera.tiltDeg * Math.PI) / 180);
    expect(
      apparentHeight(camera, { x: 0, y: horizon - 5 }, { x: 0, y: horizon - 50 }),
    ).toBeUndefined();
  });
});
