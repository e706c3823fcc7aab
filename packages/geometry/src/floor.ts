import { difference, intersection, ringToShape, shapeArea, type Shape } from './clip.ts';
import { GeometryError, issue, type GeometryIssue } from './errors.ts';
import {
  boundsOverlap,
  cleanRing,
  pointInRing,
  ringBounds,
  ringInside,
  ringsOverlap,
  validateRing,
} from './polygon.ts';
import type { Bounds } from './polygon.ts';
import { SegmentGrid, type Segment } from './segment-grid.ts';
import { splitAtCrossings } from './split-segments.ts';
import type { Area, FloorPlan, Point, Ring } from './types.ts';
import { validateWall, wallRectangles } from './walls.ts';

/** A piece of matter that blocks sight: one solid stretch of a wall, or an obstacle. */
export interface Solid {
  readonly ownerId: string;
  readonly ring: readonly Point[];
  readonly bounds: Bounds;
}

export interface PreparedArea {
  readonly area: Area;
  readonly shape: Shape;
  /** The area without wall and obstacle footprints: where a person can be and be seen. */
  readonly free: Shape;
  readonly freeM2: number;
  readonly bounds: Bounds;
}

/** A validated plan with its occluders indexed; build once, reuse for every camera. */
export interface PreparedFloor {
  readonly plan: FloorPlan;
  readonly outline: readonly Point[];
  readonly solids: readonly Solid[];
  readonly grid: SegmentGrid;
  readonly areas: readonly PreparedArea[];
}

/** Every problem in the plan, each naming its element; empty when the plan is usable. */
export function validateFloorPlan(plan: FloorPlan): GeometryIssue[] {
  return [
    ...duplicateIds(plan),
    ...validateRing(plan.outline, plan.id, 'floor outline of'),
    ...plan.walls.flatMap(validateWall),
    ...plan.obstacles.flatMap((o) => validateRing(o.polygon, o.id, `${o.kind}`)),
    ...plan.areas.flatMap((a) => validateRing(a.polygon, a.id, 'area')),
  ];
}

function duplicateIds(plan: FloorPlan): GeometryIssue[] {
  const seen = new Set<string>();
  const ids = [
    ...plan.walls.flatMap((w) => [w.id, ...(w.openings ?? []).map((o) => o.id)]),
    ...plan.obstacles.map((o) => o.id),
    ...plan.areas.map((a) => a.id),
  ];
  return ids.flatMap((id) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [issue('DUPLICATE_ID', id, `id ${id} is used by more than one element of the plan`)];
  });
}

export function prepareFloor(plan: FloorPlan): PreparedFloor {
  const problems = validateFloorPlan(plan);
  if (problems.length > 0) throw new GeometryError(problems);

  const outline = cleanRing(plan.outline);
  const solids = collectSolids(plan);
  const segments = splitAtCrossings([
    ...ringSegments(outline, plan.id),
    ...solids.flatMap((s) => ringSegments(s.ring, s.ownerId)),
  ]);

  const grid = new SegmentGrid(segments);
  const areas = plan.areas.map((area) => prepareArea(area, outline, solids));
  return { plan, outline, solids, grid, areas };
}

function collectSolids(plan: FloorPlan): Solid[] {
  const walls = plan.walls.flatMap((w) => wallRectangles(w).map((ring) => solid(w.id, ring)));
  const obstacles = plan.obstacles.map((o) => solid(o.id, cleanRing(o.polygon)));
  return [...walls, ...obstacles];
}

function solid(ownerId: string, ring: readonly Point[]): Solid {
  return { ownerId, ring, bounds: ringBounds(ring) };
}

function ringSegments(ring: Ring, ownerId: string): Segment[] {
  return ring.map((a, i) => ({ a, b: ring[(i + 1) % ring.length]!, ownerId }));
}

function prepareArea(
  area: Area,
  outline: readonly Point[],
  solids: readonly Solid[],
): PreparedArea {
  const ring = cleanRing(area.polygon);
  const bounds = ringBounds(ring);
  const own = ringToShape(ring);
  const shape = ringInside(ring, outline) ? own : intersection(own, ringToShape(outline));
  const blockers = solids.filter(
    (s) => boundsOverlap(s.bounds, bounds) && ringsOverlap(s.ring, ring),
  );
  const free = difference(
    shape,
    blockers.map((s) => ringToShape(s.ring)),
  );
  return { area, shape, free, freeM2: shapeArea(free), bounds };
}

/** The solid containing p, if any. */
export function solidAt(floor: PreparedFloor, p: Point): Solid | undefined {
  const box = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
  return floor.solids.find((s) => boundsOverlap(s.bounds, box) && pointInRing(p, s.ring));
}

export function insideOutline(floor: PreparedFloor, p: Point): boolean {
  return pointInRing(p, floor.outline);
}

/** Accepts a plan or a plan already prepared, so callers can prepare once and reuse it. */
export function asPreparedFloor(plan: FloorPlan | PreparedFloor): PreparedFloor {
  return 'grid' in plan ? plan : prepareFloor(plan);
}
