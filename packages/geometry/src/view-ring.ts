import type { Segment } from './segment-grid.ts';
import type { Point } from './types.ts';
import type { VisibilityPiece } from './visibility.ts';
import { polar } from './vec.ts';

/** The angular window of a field of view, in radians; `span` is 2π for a full circle. */
export interface Sector {
  readonly start: number;
  readonly span: number;
  readonly range: number;
}

/** Largest distance in metres between a circular arc and the chords drawn for it. */
export const DEFAULT_ARC_TOLERANCE = 0.01;

const TWO_PI = 2 * Math.PI;

/**
 * The visible region inside the sector as one ring: the sweep's pieces cut to the angular
 * window, each drawn as the part of its occluder nearer than the range and as an arc where
 * the occluder (or nothing) lies beyond it. Arcs become chords inside the circle, so the ring
 * never claims more than is seen.
 */
export function sectorRing(
  origin: Point,
  pieces: readonly VisibilityPiece[],
  sector: Sector,
  arcTolerance = DEFAULT_ARC_TOLERANCE,
): Point[] {
  if (!(sector.range > 0)) return [];
  const full = sector.span >= TWO_PI - 1e-12;
  const step = arcStep(sector.range, arcTolerance);
  const out: Point[] = full ? [] : [origin];
  const lo = full ? -Math.PI : sector.start;
  const hi = full ? Math.PI : sector.start + sector.span;
  for (let turn = -TWO_PI; turn <= TWO_PI; turn += TWO_PI) {
    for (const piece of pieces) {
      const from = Math.max(lo, piece.from + turn);
      const to = Math.min(hi, piece.to + turn);
      if (to > from) drawPiece(out, { origin, segment: piece.segment, from, to, sector, step });
    }
  }
  return dedupe(out);
}

function arcStep(range: number, tolerance: number): number {
  const ratio = Math.max(-1, 1 - tolerance / range);
  return Math.max(1e-3, Math.min(Math.PI / 8, 2 * Math.acos(ratio)));
}

interface PieceDraw {
  readonly origin: Point;
  readonly segment: Segment | null;
  readonly from: number;
  readonly to: number;
  readonly sector: Sector;
  readonly step: number;
}

function drawPiece(out: Point[], d: PieceDraw): void {
  if (!d.segment) {
    drawArc(out, d, d.from, d.to);
    return;
  }

  const p = hit(d.origin, d.segment, d.from);
  const q = hit(d.origin, d.segment, d.to);
  const roots = circleCrossings(d.origin, p, q, d.sector.range);
  const cuts = [0, ...roots, 1];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = lerp(p, q, cuts[i]!);
    const b = lerp(p, q, cuts[i + 1]!);
    const mid = lerp(p, q, (cuts[i]! + cuts[i + 1]!) / 2);
    if (Math.hypot(mid.x - d.origin.x, mid.y - d.origin.y) <= d.sector.range) {
      out.push(a, b);
      continue;
    }
    drawArc(out, d, angleAround(d, a, d.from), angleAround(d, b, d.to));
  }
}

/** The angle of a point on the piece, kept in the piece's own winding. */
function angleAround(d: PieceDraw, p: Point, near: number): number {
  const raw = Math.atan2(p.y - d.origin.y, p.x - d.origin.x);
  return raw + TWO_PI * Math.round((near - raw) / TWO_PI);
}

function drawArc(out: Point[], d: PieceDraw, from: number, to: number): void {
  const count = Math.max(1, Math.ceil((to - from) / d.step));
  for (let i = 0; i <= count; i++) {
    out.push(polar(d.origin, from + ((to - from) * i) / count, d.sector.range));
  }
}

/** Where the ray from the origin at the angle meets the segment's line. */
function hit(origin: Point, s: Segment, angle: number): Point {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const ex = s.b.x - s.a.x;
  const ey = s.b.y - s.a.y;
  const denom = dx * ey - dy * ex;
  const t = ((s.a.x - origin.x) * ey - (s.a.y - origin.y) * ex) / denom;
  return { x: origin.x + dx * t, y: origin.y + dy * t };
}

/** Parameters in (0, 1) where the chord p–q crosses the circle of radius r. */
function circleCrossings(origin: Point, p: Point, q: Point, r: number): number[] {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const fx = p.x - origin.x;
  const fy = p.y - origin.y;
  const a = dx * dx + dy * dy;
  const b = 2 * (fx * dx + fy * dy);
  const c = fx * fx + fy * fy - r * r;
  const disc = b * b - 4 * a * c;
  if (a === 0 || disc <= 0) return [];
  const sq = Math.sqrt(disc);
  return [(-b - sq) / (2 * a), (-b + sq) / (2 * a)].filter((t) => t > 1e-12 && t < 1 - 1e-12);
}

function lerp(p: Point, q: Point, t: number): Point {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}

function dedupe(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last.x - p.x) > 1e-12 || Math.abs(last.y - p.y) > 1e-12) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (
    out.length > 1 &&
    first &&
    last &&
    Math.abs(first.x - last.x) <= 1e-12 &&
    Math.abs(first.y - last.y) <= 1e-12
  ) {
    out.pop();
  }
  return out;
}
