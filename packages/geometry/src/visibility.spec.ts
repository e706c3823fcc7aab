import { describe, expect, it } from 'vitest';
import { placeView, viewRing } from './camera-view.ts';
import { intersection, ringToShape, shapeArea } from './clip.ts';
import { prepareFloor } from './floor.ts';
import { ringArea } from './polygon.ts';
import type { Segment } from './segment-grid.ts';
import { fisheye, rect, room } from './spec-fixtures.ts';
import { splitAtCrossings } from './split-segments.ts';
import { visibilityPolygon } from './visibility-polygon.ts';

describe('splitAtCrossings', () => {
  it('cuts crossing segments at the crossing and a touching one at the touching endpoint', () => {
    const segments: Segment[] = [
      { a: { x: 0, y: 0 }, b: { x: 4, y: 4 }, ownerId: 'a' },
      { a: { x: 0, y: 4 }, b: { x: 4, y: 0 }, ownerId: 'b' },
      { a: { x: 1, y: -1 }, b: { x: 1, y: 1 }, ownerId: 'c' },
      { a: { x: 3, y: 0 }, b: { x: 6, y: 0 }, ownerId: 'd' },
    ];
    const pieces = splitAtCrossings(segments);
    const ends = (id: string): string[] =>
      pieces.filter((p) => p.ownerId === id).map((p) => `${p.a.x},${p.a.y}>${p.b.x},${p.b.y}`);

    expect(ends('a')).toEqual(['0,0>1,1', '1,1>2,2', '2,2>4,4']);
    expect(ends('b')).toEqual(['0,4>2,2', '2,2>4,0']);
    expect(ends('c')).toEqual(['1,-1>1,1']);
    expect(ends('d')).toEqual(['3,0>4,0', '4,0>6,0']);
  });
});

describe('visibility polygon', () => {
  it('is the whole room seen from inside a convex room', () => {
    const floor = prepareFloor(room(rect(0, 0, 8, 6)));
    const ring = visibilityPolygon(floor, { x: 3, y: 2 }, { range: 50 });
    expect(ringArea(ring)).toBeCloseTo(48, 9);
  });

  it('is the sector of a view cone in an empty room, apex included', () => {
    const floor = prepareFloor(room(rect(-10, -10, 10, 10)));
    const ring = visibilityPolygon(
      floor,
      { x: 0, y: 0 },
      { range: 5, direction: 90, fov: 90, arcTolerance: 1e-6 },
    );
    expect(ring[0]).toEqual({ x: 0, y: 0 });
    expect(ringArea(ring)).toBeCloseTo((Math.PI * 25) / 4, 4);
    expect(Math.min(...ring.map((p) => p.y))).toBeGreaterThanOrEqual(-1e-12);
  });

  it('does not leak into a wall when another wall ends exactly on the sweep’s starting ray', () => {
    // A camera against the end face of w1, with w1's far end split where w0 starts on the
    // same horizontal line: a sliver of that split rounds to zero angular width at ±π.
    const plan = room(rect(0, 0, 12, 9), {
      walls: [
        {
          id: 'w0',
          a: { x: 0.2, y: 0.2 },
          b: { x: 1.167126796434022, y: 0.45429463151876853 },
          thickness: 0.05,
        },
        { id: 'w1', a: { x: 0.2, y: 0.2 }, b: { x: 1.2000000000000002, y: 0.2 }, thickness: 0.05 },
      ],
    });
    const floor = prepareFloor(plan);
    const view = placeView(
      floor,
      fisheye('c2', { x: 1.1999999000000003, y: 0.20000000000000004 }, { range: 2 }),
    );
    const seen = ringToShape(viewRing(view));
    for (const solid of floor.solids) {
      expect(shapeArea(intersection(seen, ringToShape(solid.ring)))).toBeLessThan(1e-9);
    }
  });
});
