import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeView, viewRing } from './camera-view.ts';
import { computeFloorCoverage, type FloorCoverage } from './coverage.ts';
import { GeometryError } from './errors.ts';
import { prepareFloor } from './floor.ts';
import { pointInRing } from './polygon.ts';
import { regionArea, subtractRegions } from './regions.ts';
import { area, rect } from './spec-fixtures.ts';
import type { Camera, FloorPlan, Point, Wall } from './types.ts';
import { normalizeAngle, segmentDistanceSq, segmentsIntersect, toRadians } from './vec.ts';

/**
 * More runs locally with GEOMETRY_PROPERTY_RUNS=1000; the default keeps CI fast. Each property
 * ends at its first counterexample (endOnFailure): shrinking floor plans can take longer than
 * the whole suite, and the seed and path printed are enough to replay it.
 */
const RUNS = Number(process.env.GEOMETRY_PROPERTY_RUNS ?? 60);
const W = 12;
const H = 9;
/** Boolean operations in floating point move boundaries by about 1e-7 m; real errors are far larger. */
const tol = (m2: number): number => 1e-6 + 1e-5 * m2;

const point = fc.record({
  x: fc.double({ min: 0.2, max: W - 0.2, noNaN: true }),
  y: fc.double({ min: 0.2, max: H - 0.2, noNaN: true }),
});

const wall = (id: string): fc.Arbitrary<Wall> =>
  fc
    .record({
      a: point,
      b: point,
      thickness: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
      door: fc.boolean(),
    })
    .filter(({ a, b }) => Math.hypot(a.x - b.x, a.y - b.y) > 1)
    .map(({ a, b, thickness, door }) => {
      const length = Math.hypot(a.x - b.x, a.y - b.y);
      const openings = door
        ? [{ id: `${id}-door`, kind: 'door' as const, offset: length / 3, width: length / 3 }]
        : [];
      return { id, a, b, thickness, openings };
    });

const walls = fc
  .integer({ min: 0, max: 5 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => wall(`w${i}`))));

const pillar = fc
  .record({ c: point, size: fc.double({ min: 0.2, max: 1.5, noNaN: true }) })
  .map(({ c, size }) => ({
    id: `p-${c.x}-${c.y}`,
    kind: 'pillar' as const,
    polygon: rect(c.x, c.y, c.x + size, c.y + size * 0.7),
  }));

const planArb: fc.Arbitrary<FloorPlan> = fc
  .record({ walls, pillars: fc.array(pillar, { maxLength: 2 }), corner: point })
  .filter(({ pillars }) => pillars.length < 2 || pillars[0]!.id !== pillars[1]!.id)
  .map(({ walls: ws, pillars, corner }) => ({
    id: 'floor-p',
    outline: rect(0, 0, W, H),
    walls: ws,
    obstacles: pillars.filter((p) => p.polygon.every((q) => q.x < W && q.y < H)),
    areas: [
      area('whole', rect(0, 0, W, H), { requiredLevel: 'observe' }),
      area('corner', rect(0, 0, Math.max(1, corner.x), Math.max(1, corner.y)), {
        requiredLevel: 'recognise',
      }),
    ],
  }));

const cameraArb = (id: string): fc.Arbitrary<Camera> =>
  fc
    .record({
      position: point,
      direction: fc.double({ min: -360, max: 360, noNaN: true }),
      fov: fc.double({ min: 10, max: 170, noNaN: true }),
      fisheye: fc.boolean(),
      range: fc.double({ min: 2, max: 25, noNaN: true }),
      resolutionX: fc.integer({ min: 800, max: 4000 }),
    })
    .map(({ fisheye, ...c }) => ({
      id,
      type: fisheye ? ('fisheye' as const) : ('fixed' as const),
      ...c,
      fov: fisheye ? 360 : c.fov,
    }));

const camerasArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => cameraArb(`c${i}`))));

/** Coverage, or null when a generated camera landed inside a wall or pillar. */
function coverage(plan: FloorPlan, cameras: readonly Camera[]): FloorCoverage | null {
  try {
    return computeFloorCoverage(plan, cameras, { minDeadZoneM2: 0 });
  } catch (error) {
    if (error instanceof GeometryError && error.code === 'CAMERA_INSIDE_SOLID') return null;
    throw error;
  }
}

describe('coverage properties', () => {
  it('never exceeds the area, and covered plus dead is the whole free floor', () => {
    fc.assert(
      fc.property(planArb, camerasArb, (plan, cameras) => {
        const result = coverage(plan, cameras);
        fc.pre(result !== null);
        for (const a of result.areas) {
          const polygon = plan.areas.find((p) => p.id === a.areaId)!.polygon;
          expect(a.coveredM2).toBeLessThanOrEqual(a.areaM2 + tol(a.areaM2));
          expect(
            regionArea(subtractRegions(a.covered, [[{ outer: polygon, holes: [] }]])),
          ).toBeLessThan(tol(a.areaM2));
          const dead = a.deadZones.reduce((s, z) => s + z.areaM2, 0);
          expect(Math.abs(a.coveredM2 + dead - a.areaM2)).toBeLessThan(tol(a.areaM2));
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('never loses coverage when a camera is added', () => {
    fc.assert(
      fc.property(planArb, camerasArb, cameraArb('extra'), (plan, cameras, extra) => {
        const before = coverage(plan, cameras);
        const after = coverage(plan, [...cameras, extra]);
        fc.pre(before !== null && after !== null);
        before.areas.forEach((a, i) => {
          expect(after.areas[i]!.coveredM2).toBeGreaterThanOrEqual(a.coveredM2 - tol(a.areaM2));
        });
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('never gains coverage when a wall is added', () => {
    fc.assert(
      fc.property(planArb, camerasArb, wall('added'), (plan, cameras, added) => {
        // A camera on a solid's surface is moved 1 µm into free space (placeOrigin), and the new
        // wall can change which way: at a corner where a pillar meets the wall's end, the camera
        // then stands elsewhere and may see more. Keep the cameras clear of every surface.
        fc.pre(cameras.every((c) => clearOfSolids({ ...plan, walls: [...plan.walls, added] }, c)));
        const before = coverage(plan, cameras);
        const after = coverage({ ...plan, walls: [...plan.walls, added] }, cameras);
        fc.pre(before !== null && after !== null);
        before.areas.forEach((a, i) => {
          expect(after.areas[i]!.coveredM2).toBeLessThanOrEqual(a.coveredM2 + tol(a.areaM2));
        });
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });
});

describe('visibility polygon', () => {
  it('contains exactly the points with a clear sight line, inside the field of view and range', () => {
    const samples = fc.array(point, { minLength: 40, maxLength: 40 });
    fc.assert(
      fc.property(planArb, cameraArb('c'), samples, (plan, cam, points) => {
        const floor = prepareFloor(plan);
        let view;
        try {
          view = placeView(floor, cam);
        } catch {
          fc.pre(false);
          return;
        }
        const ring = viewRing(view);
        for (const p of points) {
          if (
            nearBoundary(p, ring) ||
            Math.abs(Math.hypot(p.x - view.origin.x, p.y - view.origin.y) - cam.range) < 0.02
          )
            continue;
          expect(pointInRing(p, ring)).toBe(seen(view.origin, cam, p, view.nearby));
        }
      }),
      { numRuns: RUNS * 2, endOnFailure: true },
    );
  });
});

/** Is the camera more than a millimetre from every wall face and pillar of the plan? */
function clearOfSolids(plan: FloorPlan, camera: Camera): boolean {
  const p = camera.position;
  const clearance = 0.001;
  const nearWall = plan.walls.some(
    (w) => Math.sqrt(segmentDistanceSq(p, w.a, w.b)) <= w.thickness / 2 + clearance,
  );
  const nearPillar = plan.obstacles.some(
    (o) =>
      pointInRing(p, o.polygon) ||
      o.polygon.some(
        (a, i) =>
          Math.sqrt(segmentDistanceSq(p, a, o.polygon[(i + 1) % o.polygon.length]!)) <= clearance,
      ),
  );
  return !nearWall && !nearPillar;
}

function nearBoundary(p: Point, ring: readonly Point[]): boolean {
  return ring.some((a, i) => segmentDistanceSq(p, a, ring[(i + 1) % ring.length]!) < 1e-6);
}

function seen(
  origin: Point,
  cam: Camera,
  p: Point,
  occluders: readonly { a: Point; b: Point }[],
): boolean {
  if (Math.hypot(p.x - origin.x, p.y - origin.y) > cam.range) return false;
  const off = normalizeAngle(Math.atan2(p.y - origin.y, p.x - origin.x) - toRadians(cam.direction));
  if (cam.type === 'fixed' && Math.abs(off) > toRadians(cam.fov) / 2) return false;
  return !occluders.some((s) => segmentsIntersect(origin, p, s.a, s.b));
}
