import polygonClipping from 'polygon-clipping';
import type { MultiPolygon, Pair } from 'polygon-clipping';
import { GeometryError, issue } from './errors.ts';
import type { Point, Region, Ring } from './types.ts';

/** The clipping library's multipolygon: rings of [x, y] pairs, each closed. */
export type Shape = MultiPolygon;

type Operation = 'union' | 'intersection' | 'difference';

export function ringToShape(ring: Ring): Shape {
  if (ring.length < 3) return [];
  const pairs: Pair[] = ring.map((p) => [p.x, p.y]);
  pairs.push([ring[0]!.x, ring[0]!.y]);
  return [[pairs]];
}

export function regionToShape(region: Region): Shape {
  return region.map((poly) => [poly.outer, ...poly.holes].map(closedPairs));
}

function closedPairs(ring: Ring): Pair[] {
  const pairs: Pair[] = ring.map((p) => [p.x, p.y]);
  const first = ring[0];
  if (first) pairs.push([first.x, first.y]);
  return pairs;
}

export function shapeToRegion(shape: Shape): Region {
  return shape.map(([outer, ...holes]) => ({
    outer: openPoints(outer ?? []),
    holes: holes.map(openPoints),
  }));
}

function openPoints(pairs: readonly Pair[]): Point[] {
  return pairs.slice(0, -1).map(([x, y]) => ({ x, y }));
}

export function shapeArea(shape: Shape): number {
  let total = 0;
  for (const [outer, ...holes] of shape) {
    total += Math.abs(pairsArea(outer ?? []));
    for (const hole of holes) total -= Math.abs(pairsArea(hole));
  }
  return total;
}

function pairsArea(pairs: readonly Pair[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < pairs.length; i++) {
    const [ax, ay] = pairs[i]!;
    const [bx, by] = pairs[i + 1]!;
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

export function union(shapes: readonly Shape[]): Shape {
  const nonEmpty = shapes.filter((s) => s.length > 0);
  if (nonEmpty.length === 0) return [];
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  return run('union', nonEmpty);
}

export function intersection(a: Shape, b: Shape): Shape {
  if (a.length === 0 || b.length === 0) return [];
  return run('intersection', [a, b]);
}

export function difference(subject: Shape, clips: readonly Shape[]): Shape {
  const nonEmpty = clips.filter((s) => s.length > 0);
  if (subject.length === 0) return [];
  if (nonEmpty.length === 0) return subject;
  return run('difference', [subject, ...nonEmpty]);
}

/**
 * polygon-clipping works in floating point and, on rare near-degenerate inputs, fails to close
 * an output ring. Snapping every coordinate to a 10 µm grid and retrying removes those
 * near-coincidences without changing any area that matters at plan scale.
 */
function run(op: Operation, shapes: readonly Shape[]): Shape {
  try {
    return call(op, shapes);
  } catch (firstError) {
    try {
      return call(op, shapes.map(snapShape));
    } catch {
      const problem = issue('CLIPPING_FAILED', op, `polygon ${op} failed on degenerate input`);
      throw new GeometryError([problem], { cause: firstError });
    }
  }
}

function call(op: Operation, shapes: readonly Shape[]): Shape {
  const [first, ...rest] = shapes;
  if (!first) return [];
  return polygonClipping[op](first, ...rest);
}

const SNAP = 1e5;

function snapShape(shape: Shape): Shape {
  return shape.map((poly) =>
    poly.map((ring) =>
      ring.map(([x, y]): Pair => [Math.round(x * SNAP) / SNAP, Math.round(y * SNAP) / SNAP]),
    ),
  );
}

export function shapeBounds(shape: Shape): {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
} {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of shape) {
    for (const [x, y] of poly[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { minX, minY, maxX, maxY };
}
