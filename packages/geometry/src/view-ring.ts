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

/** Largest distance in metres between the range circle and the polygon drawn for it. */
export const DEFAULT_ARC_TOLERANCE = 0.01;

const TWO_PI = 2 * Math.PI;

/** A regular polygon inscribed in the range circle, with a vertex at angle 0. */
interface RangePolygon {
  readonly radius: number;
  readonly step: number;
}

interface Tagged {
  p: Point;
  readonly tag: unknown;
}

/**
 * The visible region inside the sector as one ring. The range circle is replaced by a fixed
 * regular polygon inscribed in it (vertices at multiples of one angle step), and along every
 * ray the boundary is the nearer of the occluder and that polygon. Being a pointwise minimum
 * over a fixed shape, the result shrinks whenever an occluder is added and never claims more
 * than the circle holds.
 */
export function sectorRing(
  origin: Point,
  pieces: readonly VisibilityPiece[],
  sector: Sector,
  arcTolerance = DEFAULT_ARC_TOLERANCE,
): Point[] {
  if (!(sector.range > 0)) return [];
  const full = sector.span >= TWO_PI - 1e-12;
  const range = rangePolygon(sector.range, arcTolerance);
  const out: Tagged[] = full ? [] : [{ p: origin, tag: origin }];
  const lo = full ? -Math.PI : sector.start;
  const hi = full ? Math.PI : sector.start + sector.span;
  for (let turn = -TWO_PI; turn <= TWO_PI; turn += TWO_PI) {
    for (const piece of pieces) {
      const from = Math.max(lo, piece.from + turn);
      const to = Math.min(hi, piece.to + turn);
      if (to > from) drawPiece(out, { origin, segment: piece.segment, from, to, range });
    }
  }
  return dedupe(out.map((t) => t.p));
}

function rangePolygon(radius: number, tolerance: number): RangePolygon {
  const ratio = Math.max(-1, 1 - tolerance / radius);
  const wanted = Math.max(1e-3, Math.min(Math.PI / 8, 2 * Math.acos(ratio)));
  return { radius, step: TWO_PI / Math.ceil(TWO_PI / wanted) };
}

interface PieceDraw {
  readonly origin: Point;
  readonly segment: Segment | null;
  readonly from: number;
  readonly to: number;
  readonly range: RangePolygon;
}

/** Splits the piece at the range polygon's vertex angles; within each part both are lines. */
function drawPiece(out: Tagged[], d: PieceDraw): void {
  const { step } = d.range;
  let alpha = d.from;
  for (let k = Math.floor(d.from / step) + 1; alpha < d.to; k++) {
    const beta = Math.min(d.to, k * step);
    if (beta > alpha) drawPart(out, d, alpha, beta, k - 1);
    alpha = beta;
  }
}

function drawPart(out: Tagged[], d: PieceDraw, alpha: number, beta: number, k: number): void {
  const { origin, range } = d;
  const edge = {
    a: polar(origin, k * range.step, range.radius),
    b: polar(origin, (k + 1) * range.step, range.radius),
  };
  const edgeTag = `edge:${k}`;
  const seg = d.segment;
  if (!seg) {
    push(out, hit(origin, edge, alpha), edgeTag);
    push(out, hit(origin, edge, beta), edgeTag);
    return;
  }

  const nearAlpha = rayDistance(origin, seg, alpha) <= rayDistance(origin, edge, alpha);
  const nearBeta = rayDistance(origin, seg, beta) <= rayDistance(origin, edge, beta);
  const [first, firstTag] = nearAlpha ? [seg, seg] : [edge, edgeTag];
  const [last, lastTag] = nearBeta ? [seg, seg] : [edge, edgeTag];
  push(out, hit(origin, first, alpha), firstTag);
  if (nearAlpha !== nearBeta) {
    const cross = lineCrossing(seg, edge);
    push(out, cross, firstTag);
    push(out, cross, lastTag);
  }
  push(out, hit(origin, last, beta), lastTag);
}

/** Appends a point; a run of points on one line keeps only its two ends. */
function push(out: Tagged[], p: Point, tag: unknown): void {
  const last = out[out.length - 1];
  const before = out[out.length - 2];
  if (last && before && last.tag === tag && before.tag === tag) {
    last.p = p;
    return;
  }
  out.push({ p, tag });
}

interface Line {
  readonly a: Point;
  readonly b: Point;
}

/** Where the ray from the origin at the angle meets the line. */
function hit(origin: Point, line: Line, angle: number): Point {
  const t = rayDistance(origin, line, angle);
  return { x: origin.x + Math.cos(angle) * t, y: origin.y + Math.sin(angle) * t };
}

function rayDistance(origin: Point, line: Line, angle: number): number {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const ex = line.b.x - line.a.x;
  const ey = line.b.y - line.a.y;
  const denom = dx * ey - dy * ex;
  if (denom === 0) return Infinity;
  const t = ((line.a.x - origin.x) * ey - (line.a.y - origin.y) * ex) / denom;
  return t >= 0 ? t : Infinity;
}

function lineCrossing(p: Line, q: Line): Point {
  const rx = p.b.x - p.a.x;
  const ry = p.b.y - p.a.y;
  const sx = q.b.x - q.a.x;
  const sy = q.b.y - q.a.y;
  const denom = rx * sy - ry * sx;
  const t = ((q.a.x - p.a.x) * sy - (q.a.y - p.a.y) * sx) / denom;
  return { x: p.a.x + t * rx, y: p.a.y + t * ry };
}

function dedupe(points: Point[]): Point[] {
  const same = (a: Point, b: Point): boolean =>
    Math.abs(a.x - b.x) <= 1e-12 && Math.abs(a.y - b.y) <= 1e-12;
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || !same(last, p)) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && same(first, last)) out.pop();
  return out;
}
