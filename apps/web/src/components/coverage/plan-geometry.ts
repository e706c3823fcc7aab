import type { PlanPoint, PlanRegion } from '@gardenwatch/contracts';

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export const pointsAttr = (ring: readonly PlanPoint[]) =>
  ring.map((p) => `${round(p.x)},${round(p.y)}`).join(' ');

const round = (n: number) => Math.round(n * 1000) / 1000;

/** An SVG path of a region: each polygon with its holes, filled even-odd. */
export function regionPath(region: PlanRegion): string {
  return region
    .flatMap((poly) => [poly.outer, ...poly.holes])
    .map((ring) => `M${ring.map((p) => `${round(p.x)} ${round(p.y)}`).join('L')}Z`)
    .join('');
}

export function boundsOf(points: readonly PlanPoint[]): Bounds {
  if (points.length === 0) return { minX: 0, minY: 0, maxX: 20, maxY: 12 };
  return {
    minX: Math.min(...points.map((p) => p.x)),
    minY: Math.min(...points.map((p) => p.y)),
    maxX: Math.max(...points.map((p) => p.x)),
    maxY: Math.max(...points.map((p) => p.y)),
  };
}

export function centroid(ring: readonly PlanPoint[]): PlanPoint {
  const n = Math.max(ring.length, 1);
  return {
    x: ring.reduce((s, p) => s + p.x, 0) / n,
    y: ring.reduce((s, p) => s + p.y, 0) / n,
  };
}

/** Rounds to the grid step, or to a nearby vertex when one is within `reach`. */
export function snapPoint(
  p: PlanPoint,
  options: { grid: number | null; vertices: readonly PlanPoint[]; reach: number },
): PlanPoint {
  const near = options.vertices.find((v) => Math.hypot(v.x - p.x, v.y - p.y) <= options.reach);
  if (near) return near;
  if (!options.grid) return p;
  const g = options.grid;
  return { x: Math.round(p.x / g) * g, y: Math.round(p.y / g) * g };
}

/** Degrees from +x towards +y (clockwise on screen), as the plan measures directions. */
export const angleOf = (from: PlanPoint, to: PlanPoint) =>
  (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;
