import { cameraSector } from './camera-view.ts';
import { doriBands } from './dori.ts';
import type { Camera, DoriLevel, Point, Ring } from './types.ts';
import { DEFAULT_ARC_TOLERANCE, type Sector } from './view-ring.ts';
import { polar } from './vec.ts';

export interface DoriBandPolygon {
  readonly level: DoriLevel;
  readonly from: number;
  readonly to: number;
  /** The field-of-view sector between the two distances; for a fisheye, an annulus. */
  readonly outer: Ring;
  /** Set only for a full-circle band that does not reach the camera: the annulus's hole. */
  readonly hole: Ring | null;
}

/**
 * The field of view cut into rings at the DORI distances, for drawing. These are the bands of
 * the lens alone; walls are not applied (intersect with the camera's visible region for that).
 */
export function doriBandPolygons(
  camera: Camera,
  arcTolerance = DEFAULT_ARC_TOLERANCE,
): DoriBandPolygon[] {
  return doriBands(camera)
    .filter((band) => band.to > band.from)
    .map((band) => {
      const sector = cameraSector(camera, band.to);
      const full = camera.type === 'fisheye';
      const outer = full
        ? arc(camera.position, sector, band.to, arcTolerance)
        : annularSector(camera.position, sector, band.from, arcTolerance);
      const hole =
        full && band.from > 0 ? arc(camera.position, sector, band.from, arcTolerance) : null;
      return { level: band.level, from: band.from, to: band.to, outer, hole };
    });
}

/** The whole field-of-view sector out to the camera's range. */
export function fieldOfViewPolygon(camera: Camera, arcTolerance = DEFAULT_ARC_TOLERANCE): Ring {
  const sector = cameraSector(camera, camera.range);
  if (camera.type === 'fisheye') return arc(camera.position, sector, camera.range, arcTolerance);
  return annularSector(camera.position, sector, 0, arcTolerance);
}

function annularSector(origin: Point, sector: Sector, inner: number, tolerance: number): Point[] {
  const outerArc = arc(origin, sector, sector.range, tolerance, true);
  const innerArc = inner > 0 ? arc(origin, sector, inner, tolerance, true).reverse() : [origin];
  return [...outerArc, ...innerArc];
}

function arc(
  origin: Point,
  sector: Sector,
  radius: number,
  tolerance: number,
  closedEnds = false,
): Point[] {
  const step = 2 * Math.acos(Math.max(-1, 1 - tolerance / radius));
  const count = Math.max(closedEnds ? 1 : 8, Math.ceil(sector.span / Math.max(step, 1e-3)));
  const last = closedEnds ? count : count - 1;
  const points: Point[] = [];
  for (let i = 0; i <= last; i++)
    points.push(polar(origin, sector.start + (sector.span * i) / count, radius));
  return points;
}
