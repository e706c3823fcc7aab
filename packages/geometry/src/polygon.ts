import { issue, type GeometryIssue } from './errors.ts';
import type { Point, Ring } from './types.ts';
import { cross, segmentDistanceSq, segmentsIntersect } from './vec.ts';

/** Signed area (shoelace); positive for rings turning from +x towards +y. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum / 2;
}

export function ringArea(ring: Ring): number {
  return Math.abs(signedArea(ring));
}

/** Even-odd point-in-ring test; points on the boundary may fall either way. */
export function pointInRing(p: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

export function ringBounds(ring: Ring): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY };
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function boundsOverlap(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

/** Drops a repeated closing point and consecutive duplicates. */
export function cleanRing(ring: Ring): Point[] {
  const out: Point[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first.x === last.x && first.y === last.y) out.pop();
  return out;
}

/**
 * Checks that a ring is a simple polygon: enough finite points, a non-zero area and no two
 * non-adjacent edges touching. The quadratic edge test is fine for hand-drawn plans (a few
 * hundred vertices per polygon).
 */
export function validateRing(ring: Ring, elementId: string, what: string): GeometryIssue[] {
  if (ring.some((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y))) {
    return [
      issue('POLYGON_NOT_FINITE', elementId, `${what} ${elementId} has a non-finite coordinate`),
    ];
  }
  const pts = cleanRing(ring);
  if (pts.length < 3) {
    const message = `${what} ${elementId} has ${pts.length} distinct points; a polygon needs at least 3`;
    return [issue('POLYGON_TOO_FEW_POINTS', elementId, message)];
  }
  const collinear = pts.every((p) => Math.abs(cross(pts[0]!, pts[1]!, p)) < 1e-12);
  const crossing = collinear ? null : findSelfIntersection(pts);
  if (crossing) {
    const message = `${what} ${elementId} intersects itself (edges ${crossing[0]} and ${crossing[1]})`;
    return [issue('POLYGON_SELF_INTERSECTING', elementId, message)];
  }
  if (ringArea(pts) < 1e-9) {
    return [issue('POLYGON_ZERO_AREA', elementId, `${what} ${elementId} encloses no area`)];
  }
  return [];
}

function findSelfIntersection(pts: readonly Point[]): [number, number] | null {
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    const a1 = pts[i]!;
    const a2 = pts[(i + 1) % n]!;
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const b1 = pts[j]!;
      const b2 = pts[(j + 1) % n]!;
      if (adjacent) {
        if (foldsBack(a1, a2, b1, b2, i === 0 && j === n - 1)) return [i, j];
        continue;
      }
      if (segmentsIntersect(a1, a2, b1, b2)) return [i, j];
    }
  }
  return null;
}

/** Adjacent edges only share their common vertex unless they double back over each other. */
function foldsBack(a1: Point, a2: Point, b1: Point, b2: Point, wraps: boolean): boolean {
  const [shared, p, q] = wraps ? [a1, a2, b1] : [a2, a1, b2];
  if (cross(shared, p, q) !== 0) return false;
  const dot = (p.x - shared.x) * (q.x - shared.x) + (p.y - shared.y) * (q.y - shared.y);
  return dot > 0;
}

/** Whether the interiors of two simple rings overlap (touching along an edge does not count). */
export function ringsOverlap(a: Ring, b: Ring): boolean {
  if (!boundsOverlap(ringBounds(a), ringBounds(b))) return false;
  if (edgesCross(a, b)) return true;
  const probes = (r: Ring): Point[] => [
    ...r,
    ...r.map((p, i) => midpoint(p, r[(i + 1) % r.length]!)),
  ];
  return (
    probes(a).some((p) => strictlyInside(p, b)) ||
    probes(b).some((p) => strictlyInside(p, a)) ||
    strictlyInside(interiorPoint(a), b) ||
    strictlyInside(interiorPoint(b), a)
  );
}

function midpoint(p: Point, q: Point): Point {
  return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
}

/** Whether ring a lies within ring b (boundaries may touch). */
export function ringInside(a: Ring, b: Ring): boolean {
  return !edgesCross(a, b) && a.every((p) => pointInRing(p, b) || onBoundary(p, b));
}

function edgesCross(a: Ring, b: Ring): boolean {
  for (let i = 0; i < a.length; i++) {
    const p1 = a[i]!;
    const p2 = a[(i + 1) % a.length]!;
    for (let j = 0; j < b.length; j++) {
      const q1 = b[j]!;
      const q2 = b[(j + 1) % b.length]!;
      const d1 = cross(q1, q2, p1);
      const d2 = cross(q1, q2, p2);
      const d3 = cross(p1, p2, q1);
      const d4 = cross(p1, p2, q2);
      if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    }
  }
  return false;
}

function strictlyInside(p: Point, ring: Ring): boolean {
  return pointInRing(p, ring) && !onBoundary(p, ring);
}

function onBoundary(p: Point, ring: Ring): boolean {
  return ring.some((a, i) => segmentDistanceSq(p, a, ring[(i + 1) % ring.length]!) < 1e-18);
}

/**
 * A point strictly inside a simple ring: the middle of the first span of a horizontal line
 * drawn half-way across the widest gap between vertex heights, so it meets no vertex.
 */
export function interiorPoint(ring: Ring): Point {
  const ys = [...new Set(ring.map((p) => p.y))].sort((a, b) => a - b);
  let y = ys[0] ?? 0;
  let gap = -1;
  for (let i = 0; i + 1 < ys.length; i++) {
    if (ys[i + 1]! - ys[i]! > gap) {
      gap = ys[i + 1]! - ys[i]!;
      y = (ys[i]! + ys[i + 1]!) / 2;
    }
  }
  const xs: number[] = [];
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    if (p.y > y !== q.y > y) xs.push(p.x + ((y - p.y) * (q.x - p.x)) / (q.y - p.y));
  });
  xs.sort((a, b) => a - b);
  return { x: ((xs[0] ?? 0) + (xs[1] ?? 0)) / 2, y };
}
