import ClipperLib, { type PolyNode } from 'clipper-lib';
import type { Point, Region, Ring } from './types.ts';

/** A coordinate pair in metres. */
export type Pair = [number, number];
/** Polygons, each an outer ring then its holes; every ring closed (last pair equals the first). */
export type Shape = Pair[][][];

/**
 * Clipper computes on integer coordinates, which is what makes it terminate and stay consistent
 * on near-degenerate input (floating-point sweep libraries can loop forever there). One unit is
 * 10 µm: far below anything that matters on a floor plan. Coordinates up to about 470 m keep
 * Clipper on its exact 53-bit path; beyond that it switches to its own 128-bit arithmetic.
 */
const SCALE = 1e5;

type Path = { X: number; Y: number }[];
type Operation = 'union' | 'intersection' | 'difference';

const CLIP_TYPE = {
  union: ClipperLib.ClipType.ctUnion,
  intersection: ClipperLib.ClipType.ctIntersection,
  difference: ClipperLib.ClipType.ctDifference,
};

export function ringToShape(ring: Ring): Shape {
  if (ring.length < 3) return [];
  return [[closedPairs(ring)]];
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
  return run('union', nonEmpty, []);
}

export function intersection(a: Shape, b: Shape): Shape {
  if (a.length === 0 || b.length === 0) return [];
  return run('intersection', [a], [b]);
}

export function difference(subject: Shape, clips: readonly Shape[]): Shape {
  const nonEmpty = clips.filter((s) => s.length > 0);
  if (subject.length === 0) return [];
  if (nonEmpty.length === 0) return subject;
  return run('difference', [subject], nonEmpty);
}

function run(op: Operation, subjects: readonly Shape[], clips: readonly Shape[]): Shape {
  const clipper = new ClipperLib.Clipper();
  clipper.AddPaths(toPaths(subjects), ClipperLib.PolyType.ptSubject, true);
  if (clips.length > 0) clipper.AddPaths(toPaths(clips), ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  const nonZero = ClipperLib.PolyFillType.pftNonZero;
  clipper.Execute(CLIP_TYPE[op], tree, nonZero, nonZero);
  const result: Shape = [];
  collectPolygons(tree, result);
  return result;
}

/**
 * Each input polygon is first cleaned on its own (outer ring less its holes, whatever their
 * winding or self-touching), so that in the operation itself every polygon winds once around
 * what it covers and the non-zero rule reads overlapping polygons as their union. Without the
 * first pass a ring that loops back on itself could cancel another input's winding.
 */
function toPaths(shapes: readonly Shape[]): Path[] {
  const paths: Path[] = [];
  for (const shape of shapes) {
    for (const [outer, ...holes] of shape) {
      if (outer) paths.push(...cleanPolygon(outer, holes));
    }
  }
  return paths;
}

function cleanPolygon(outer: readonly Pair[], holes: readonly Pair[][]): Path[] {
  const clipper = new ClipperLib.Clipper();
  const nonZero = ClipperLib.PolyFillType.pftNonZero;
  clipper.AddPaths([toPath(outer, true)], ClipperLib.PolyType.ptSubject, true);
  if (holes.length > 0) {
    clipper.AddPaths(
      holes.map((h) => toPath(h, true)),
      ClipperLib.PolyType.ptClip,
      true,
    );
  }
  const solution: Path[] = [];
  clipper.Execute(ClipperLib.ClipType.ctDifference, solution, nonZero, nonZero);
  return solution;
}

function toPath(ring: readonly Pair[], counterClockwise: boolean): Path {
  const open =
    ring.length > 1 && samePair(ring[0]!, ring[ring.length - 1]!) ? ring.slice(0, -1) : ring;
  const path = open.map(([x, y]) => ({ X: Math.round(x * SCALE), Y: Math.round(y * SCALE) }));
  return pairsArea(open) > 0 === counterClockwise ? path : path.reverse();
}

function samePair(a: Pair, b: Pair): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Each outer node becomes a polygon with its hole children; islands inside holes recurse. */
function collectPolygons(node: PolyNode, out: Shape): void {
  for (const outer of node.Childs()) {
    const contour = outer.Contour();
    if (contour.length < 3) continue;
    const rings = [fromPath(contour)];
    for (const hole of outer.Childs()) {
      if (hole.Contour().length >= 3) rings.push(fromPath(hole.Contour()));
      collectPolygons(hole, out);
    }
    out.push(rings);
  }
}

function fromPath(path: Path): Pair[] {
  const pairs = path.map((p): Pair => [p.X / SCALE, p.Y / SCALE]);
  pairs.push([pairs[0]![0], pairs[0]![1]]);
  return pairs;
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
