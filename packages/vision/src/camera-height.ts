import type { Point } from './geometry.ts';

/** A calibrated camera: mounting height, downward tilt and pinhole intrinsics in pixels. */
export interface CameraGeometry {
  heightM: number;
  /** Angle of the optical axis below the horizontal, in degrees. */
  tiltDeg: number;
  focalPx: number;
  /** Image row of the principal point (usually height / 2). */
  principalY: number;
}

/** Angle below the horizontal of the ray through image row `y`. */
function rayAngle(camera: CameraGeometry, y: number): number {
  return (camera.tiltDeg * Math.PI) / 180 + Math.atan((y - camera.principalY) / camera.focalPx);
}

/**
 * Apparent stature of a standing person from the image rows of the feet and the top of the
 * head: the feet ray meets the floor at distance d = h / tan(a_feet); the head is then at
 * h - d * tan(a_head). Undefined when the feet are above the horizon (no floor intersection).
 */
// LIMITATION: assumes a flat floor, no lens distortion and an upright person; a fisheye or a
// seated or crouching person gives a meaningless height, so callers should use it only for
// standing poses.
export function apparentHeight(
  camera: CameraGeometry,
  feet: Point,
  headTop: Point,
): number | undefined {
  const feetAngle = rayAngle(camera, feet.y);
  if (feetAngle <= 0.01) return undefined;
  const floorDistance = camera.heightM / Math.tan(feetAngle);
  const height = camera.heightM - floorDistance * Math.tan(rayAngle(camera, headTop.y));
  return height > 0 ? height : undefined;
}
