import { GeometryError, issue } from './errors.ts';
import type { Camera, DoriLevel } from './types.ts';
import { toDegrees, toRadians } from './vec.ts';

/** Pixels per metre on the target for each DORI level of IEC 62676-4. */
export const DORI_PIXELS_PER_METRE: Readonly<Record<DoriLevel, number>> = {
  detect: 25,
  observe: 62,
  recognise: 125,
  identify: 250,
};

/** Levels from the least to the most demanding. */
export const DORI_LEVELS: readonly DoriLevel[] = ['detect', 'observe', 'recognise', 'identify'];

export const DEFAULT_FISHEYE_MOUNT_HEIGHT = 3;

export interface LensSpec {
  readonly focalLengthMm: number;
  readonly sensorWidthMm: number;
}

/** Horizontal field of view in degrees of a rectilinear lens: 2·atan(w / 2f). */
export function horizontalFovFromLens(lens: LensSpec): number {
  const { focalLengthMm: f, sensorWidthMm: w } = lens;
  if (!(f > 0) || !(w > 0) || !Number.isFinite(f) || !Number.isFinite(w)) {
    const message = `lens focal length ${f} mm and sensor width ${w} mm must both be positive`;
    throw new GeometryError([issue('LENS_INVALID', 'lens', message)]);
  }
  return toDegrees(2 * Math.atan(w / (2 * f)));
}

/**
 * Pixels per metre at horizontal distance d. A fixed (rectilinear) camera spreads its
 * horizontal resolution over the width 2·d·tan(fov/2). A ceiling fisheye is modelled as an
 * equidistant lens whose image circle of `resolutionX` pixels spans 180°; its density falls
 * fastest along the radius, (D/π)·h/(h² + d²), and that smaller figure is used.
 */
// LIMITATION: distances are measured on the plan; mount height and tilt of a fixed camera are
// not modelled, so a steeply tilted camera is credited with slightly more detail than it has.
export function pixelsPerMetre(camera: Camera, distance: number): number {
  if (camera.type === 'fisheye') {
    const h = camera.mountHeight ?? DEFAULT_FISHEYE_MOUNT_HEIGHT;
    return ((camera.resolutionX / Math.PI) * h) / (h * h + distance * distance);
  }
  if (distance <= 0) return Infinity;
  return camera.resolutionX / (2 * distance * Math.tan(toRadians(camera.fov) / 2));
}

/** The largest distance at which the camera reaches the level (0 when it never does). */
export function doriDistance(camera: Camera, level: DoriLevel): number {
  const ppm = DORI_PIXELS_PER_METRE[level];
  if (camera.type === 'fisheye') {
    const h = camera.mountHeight ?? DEFAULT_FISHEYE_MOUNT_HEIGHT;
    const squared = (camera.resolutionX * h) / (Math.PI * ppm) - h * h;
    return squared > 0 ? Math.sqrt(squared) : 0;
  }
  return camera.resolutionX / (2 * ppm * Math.tan(toRadians(camera.fov) / 2));
}

/** How far the camera sees at the level: its DORI distance cut at its range. */
export function effectiveRange(camera: Camera, level: DoriLevel): number {
  return Math.min(camera.range, doriDistance(camera, level));
}

/** The most demanding level reached at distance d, or null beyond detection or range. */
export function doriLevelAt(camera: Camera, distance: number): DoriLevel | null {
  if (distance > camera.range) return null;
  const ppm = pixelsPerMetre(camera, distance);
  const reached = DORI_LEVELS.filter((level) => ppm >= DORI_PIXELS_PER_METRE[level]);
  return reached[reached.length - 1] ?? null;
}

export interface DoriBand {
  readonly level: DoriLevel;
  /** Inner and outer distance in metres; the band is empty when they are equal. */
  readonly from: number;
  readonly to: number;
}

/** Distance bands from the camera outwards: identify, then recognise, observe and detect. */
export function doriBands(camera: Camera): DoriBand[] {
  const bands: DoriBand[] = [];
  let inner = 0;
  for (const level of [...DORI_LEVELS].reverse()) {
    const outer = Math.max(inner, effectiveRange(camera, level));
    bands.push({ level, from: inner, to: outer });
    inner = outer;
  }
  return bands;
}
