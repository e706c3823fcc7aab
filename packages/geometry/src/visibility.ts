import type { Segment } from './segment-grid.ts';
import type { Point } from './types.ts';
import { cross } from './vec.ts';

/** Over the angles [from, to] the nearest occluder is `segment` (null: nothing in range). */
export interface VisibilityPiece {
  readonly segment: Segment | null;
  readonly from: number;
  readonly to: number;
}

interface Oriented {
  readonly start: Point;
  readonly end: Point;
  readonly startAngle: number;
  readonly endAngle: number;
  readonly source: Segment;
}

const ORIENT_EPS = 1e-12;

/**
 * Angular sweep around `origin` (Asano's algorithm): endpoints sorted by angle, the segments
 * under the sweep ray kept in front-to-back order, a new piece started whenever the nearest
 * one changes. Segments must meet only at endpoints (see splitAtCrossings) and must not pass
 * through the origin. Sorting costs O(n log n); each insertion is a binary search plus an
 * array splice over the segments under the ray, which stays small on a floor plan.
 */
export function visibilityPieces(
  origin: Point,
  segments: readonly Segment[],
  window?: AngularWindow,
): VisibilityPiece[] {
  const all = segments.flatMap((s) => orient(origin, s));
  const oriented = window ? all.filter((o) => overlapsWindow(o, window)) : all;
  const starts = [...oriented].sort((p, q) => p.startAngle - q.startAngle);
  const ends = [...oriented].sort((p, q) => p.endAngle - q.endAngle);

  const active: Oriented[] = [];
  const pieces: VisibilityPiece[] = [];
  let si = 0;
  let ei = 0;
  let pieceStart = -Math.PI;
  while (si < starts.length || ei < ends.length) {
    const angle = Math.min(starts[si]?.startAngle ?? Infinity, ends[ei]?.endAngle ?? Infinity);
    const before = active[0];
    while (ei < ends.length && ends[ei]!.endAngle === angle) remove(active, ends[ei++]!);
    while (si < starts.length && starts[si]!.startAngle === angle) {
      insert(active, starts[si++]!, origin);
    }

    const after = active[0];
    if (before !== after && angle > pieceStart) {
      pieces.push({ segment: before?.source ?? null, from: pieceStart, to: angle });
      pieceStart = angle;
    }
  }

  if (pieceStart < Math.PI) pieces.push({ segment: null, from: pieceStart, to: Math.PI });
  return pieces;
}

/**
 * Angles [start, start + span] in radians, start in (-π, π]. Segments wholly outside it are
 * skipped, so the pieces are only right inside the window.
 */
export interface AngularWindow {
  readonly start: number;
  readonly span: number;
}

function overlapsWindow(o: Oriented, w: AngularWindow): boolean {
  const end = w.start + w.span;
  return (o.endAngle >= w.start && o.startAngle <= end) || o.startAngle + 2 * Math.PI <= end;
}

/** Orients the segment by increasing angle and cuts it where it crosses the ±π direction. */
function orient(origin: Point, s: Segment): Oriented[] {
  const turn = cross(origin, s.a, s.b);
  if (Math.abs(turn) <= ORIENT_EPS) return [];
  const [start, end] = turn > 0 ? [s.a, s.b] : [s.b, s.a];
  let startAngle = Math.atan2(start.y - origin.y, start.x - origin.x);
  const endAngle = Math.atan2(end.y - origin.y, end.x - origin.x);
  if (startAngle === Math.PI) startAngle = -Math.PI;
  if (startAngle <= endAngle) return nonEmpty([{ start, end, startAngle, endAngle, source: s }]);

  const t = (origin.y - start.y) / (end.y - start.y);
  const cut = { x: start.x + t * (end.x - start.x), y: origin.y };
  return nonEmpty([
    { start, end: cut, startAngle, endAngle: Math.PI, source: s },
    { start: cut, end, startAngle: -Math.PI, endAngle, source: s },
  ]);
}

/**
 * A part that rounds to zero angular width hides nothing, and the sweep would insert it after
 * trying to remove it at the same angle, so it is dropped.
 */
function nonEmpty(parts: Oriented[]): Oriented[] {
  return parts.filter((p) => p.endAngle > p.startAngle);
}

function remove(active: Oriented[], item: Oriented): void {
  const i = active.indexOf(item);
  if (i >= 0) active.splice(i, 1);
}

function insert(active: Oriented[], item: Oriented, origin: Point): void {
  let lo = 0;
  let hi = active.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (inFront(item, active[mid]!, origin)) hi = mid;
    else lo = mid + 1;
  }
  active.splice(lo, 0, item);
}

/**
 * Whether p hides q from the origin, for two segments that both lie under one ray and do not
 * cross. One of them lies wholly on one side of the other's line; that side decides.
 */
function inFront(p: Oriented, q: Oriented, origin: Point): boolean {
  const side = sideOf(p, origin);
  const q1 = sideOf(p, q.start) * side;
  const q2 = sideOf(p, q.end) * side;
  if (q1 <= ORIENT_EPS && q2 <= ORIENT_EPS) return true;
  if (q1 >= -ORIENT_EPS && q2 >= -ORIENT_EPS) return false;

  const back = sideOf(q, origin);
  const p1 = sideOf(q, p.start) * back;
  const p2 = sideOf(q, p.end) * back;
  return p1 >= -ORIENT_EPS && p2 >= -ORIENT_EPS;
}

function sideOf(s: Oriented, p: Point): number {
  const c = cross(s.start, s.end, p);
  return Math.abs(c) <= ORIENT_EPS ? 0 : Math.sign(c);
}
