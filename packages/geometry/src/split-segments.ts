import { SegmentGrid, segmentBounds, type Segment } from './segment-grid.ts';
import type { Point } from './types.ts';

const T_EPS = 1e-9;

/**
 * Splits segments where they cross or where one ends on another's interior, so that the
 * result meets only at shared endpoints. The angular sweep relies on that: the front-to-back
 * order of two segments must not change while both are under the sweep ray. Collinear
 * overlaps are left alone; they occlude the same ray at the same distance either way.
 */
export function splitAtCrossings(segments: readonly Segment[]): Segment[] {
  const grid = new SegmentGrid(segments);
  const cuts = segments.map((): { t: number; p: Point }[] => []);
  const index = new Map(segments.map((s, i) => [s, i]));
  segments.forEach((s, i) => {
    for (const other of grid.query(segmentBounds(s))) {
      const j = index.get(other)!;
      if (j <= i) continue;
      recordCrossing(s, other, cuts[i]!, cuts[j]!);
    }
  });
  return segments.flatMap((s, i) => cutSegment(s, cuts[i]!));
}

function recordCrossing(
  s: Segment,
  o: Segment,
  cutsS: { t: number; p: Point }[],
  cutsO: { t: number; p: Point }[],
): void {
  const rx = s.b.x - s.a.x;
  const ry = s.b.y - s.a.y;
  const sx = o.b.x - o.a.x;
  const sy = o.b.y - o.a.y;
  const denom = rx * sy - ry * sx;
  if (Math.abs(denom) < 1e-14) return;
  const qx = o.a.x - s.a.x;
  const qy = o.a.y - s.a.y;
  const t = (qx * sy - qy * sx) / denom;
  const u = (qx * ry - qy * rx) / denom;
  if (t < -T_EPS || t > 1 + T_EPS || u < -T_EPS || u > 1 + T_EPS) return;
  const tInside = t > T_EPS && t < 1 - T_EPS;
  const uInside = u > T_EPS && u < 1 - T_EPS;
  if (!tInside && !uInside) return;
  let p = pointAt(s, t);
  if (!uInside) p = endpointAt(o, u);
  if (!tInside) p = endpointAt(s, t);
  if (tInside) cutsS.push({ t, p });
  if (uInside) cutsO.push({ t: u, p });
}

function pointAt(s: Segment, t: number): Point {
  return { x: s.a.x + t * (s.b.x - s.a.x), y: s.a.y + t * (s.b.y - s.a.y) };
}

/** Where one segment ends on another, the cut uses that endpoint exactly. */
function endpointAt(s: Segment, t: number): Point {
  return t < 0.5 ? s.a : s.b;
}

function cutSegment(s: Segment, cuts: { t: number; p: Point }[]): Segment[] {
  if (cuts.length === 0) return [s];
  cuts.sort((p, q) => p.t - q.t);
  const pieces: Segment[] = [];
  let start = s.a;
  for (const { p } of cuts) {
    if (p.x !== start.x || p.y !== start.y) pieces.push({ a: start, b: p, ownerId: s.ownerId });
    start = p;
  }
  if (s.b.x !== start.x || s.b.y !== start.y) pieces.push({ a: start, b: s.b, ownerId: s.ownerId });
  return pieces;
}
