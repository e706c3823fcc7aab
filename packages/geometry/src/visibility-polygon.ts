import { placeView, viewRing } from './camera-view.ts';
import { GeometryError, issue } from './errors.ts';
import type { PreparedFloor } from './floor.ts';
import type { Point, Ring } from './types.ts';
import { DEFAULT_ARC_TOLERANCE } from './view-ring.ts';

export interface VisibilityOptions {
  /** How far sight reaches, in metres. */
  readonly range: number;
  /** Viewing direction and horizontal field of view in degrees; omit fov for all round. */
  readonly direction?: number;
  readonly fov?: number;
  readonly arcTolerance?: number;
}

/**
 * The region seen from a point on the floor, walls and obstacles occluding, cut to a
 * field-of-view sector. A bare point needs no resolution, so detail levels do not apply here.
 */
export function visibilityPolygon(
  floor: PreparedFloor,
  from: Point,
  options: VisibilityOptions,
): Ring {
  const fov = options.fov ?? 360;
  if (!(fov > 0 && fov <= 360)) {
    throw new GeometryError([
      issue('CAMERA_BAD_FOV', 'viewpoint', `field of view ${fov}° is not in (0°, 360°]`),
    ]);
  }
  if (!(options.range > 0) || !Number.isFinite(options.range)) {
    throw new GeometryError([
      issue('CAMERA_BAD_RANGE', 'viewpoint', `range ${options.range} m is not positive`),
    ]);
  }

  const view = placeView(floor, {
    id: 'viewpoint',
    type: 'fixed',
    position: from,
    direction: options.direction ?? 0,
    fov,
    range: options.range,
    resolutionX: 1,
  });
  return viewRing(view, options.range, options.arcTolerance ?? DEFAULT_ARC_TOLERANCE);
}
