import { issue, type GeometryIssue } from './errors.ts';
import type { Point, Wall } from './types.ts';
import { dist } from './vec.ts';

const MIN_WALL_LENGTH = 1e-3;

export function validateWall(wall: Wall): GeometryIssue[] {
  const coords = [wall.a.x, wall.a.y, wall.b.x, wall.b.y];
  if (coords.some((c) => !Number.isFinite(c))) {
    return [issue('POLYGON_NOT_FINITE', wall.id, `wall ${wall.id} has a non-finite coordinate`)];
  }
  const length = dist(wall.a, wall.b);
  if (length < MIN_WALL_LENGTH) {
    return [issue('WALL_ZERO_LENGTH', wall.id, `wall ${wall.id} has zero length`)];
  }
  if (!(wall.thickness > 0) || !Number.isFinite(wall.thickness)) {
    const message = `wall ${wall.id} has thickness ${wall.thickness}; it must be a positive number`;
    return [issue('WALL_BAD_THICKNESS', wall.id, message)];
  }
  return (wall.openings ?? []).flatMap((o) => {
    if (o.width > 0 && o.offset >= 0 && o.offset + o.width <= length + 1e-9) return [];
    const message = `opening ${o.id} (${o.offset} m + ${o.width} m) does not fit wall ${wall.id} of ${length.toFixed(3)} m`;
    return [issue('OPENING_OUTSIDE_WALL', o.id, message)];
  });
}

/** The stretches of the wall, as [from, to] distances from `a`, that block sight. */
export function solidIntervals(wall: Wall): [number, number][] {
  const length = dist(wall.a, wall.b);
  const gaps = (wall.openings ?? [])
    .filter((o) => o.kind === 'door' || !o.opaque)
    .map((o): [number, number] => [o.offset, o.offset + o.width])
    .sort((p, q) => p[0] - q[0]);
  const solids: [number, number][] = [];
  let cursor = 0;
  for (const [from, to] of gaps) {
    if (from > cursor) solids.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < length) solids.push([cursor, length]);
  return solids.filter(([from, to]) => to - from > 1e-9);
}

/** The wall's solid pieces, each a rectangle of four corners. */
export function wallRectangles(wall: Wall): Point[][] {
  const length = dist(wall.a, wall.b);
  const ux = (wall.b.x - wall.a.x) / length;
  const uy = (wall.b.y - wall.a.y) / length;
  const nx = (-uy * wall.thickness) / 2;
  const ny = (ux * wall.thickness) / 2;
  return solidIntervals(wall).map(([from, to]) => {
    const p = { x: wall.a.x + ux * from, y: wall.a.y + uy * from };
    const q = { x: wall.a.x + ux * to, y: wall.a.y + uy * to };
    return [
      { x: p.x + nx, y: p.y + ny },
      { x: q.x + nx, y: q.y + ny },
      { x: q.x - nx, y: q.y - ny },
      { x: p.x - nx, y: p.y - ny },
    ];
  });
}
