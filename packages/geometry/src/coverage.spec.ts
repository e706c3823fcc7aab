import { describe, expect, it } from 'vitest';
import { computeFloorCoverage } from './coverage.ts';
import { regionArea } from './regions.ts';
import { area, camera, fisheye, rect, room } from './spec-fixtures.ts';
import type { FloorPlan, Opening, Point } from './types.ts';

describe('coverage of constructed rooms', () => {
  it('sees all of a convex room from a corner camera whose field of view spans the corner', () => {
    const plan = room(rect(0, 0, 10, 8));
    const result = computeFloorCoverage(plan, [
      camera('c1', { x: 0, y: 0 }, { direction: 45, fov: 90 }),
    ]);

    expect(result.requiredM2).toBeCloseTo(80, 9);
    expect(result.coveredM2).toBeCloseTo(80, 4);
    expect(result.areas[0]!.deadZones).toEqual([]);
  });

  it('sees exactly the wedge of a narrower field of view from the corner', () => {
    const plan = room(rect(0, 0, 10, 8));
    const cam = camera('c1', { x: 0, y: 0 }, { direction: 45, fov: 60 });
    const result = computeFloorCoverage(plan, [cam]);

    const t15 = Math.tan((15 * Math.PI) / 180);
    const wedge = [
      { x: 0, y: 0 },
      { x: 10, y: 10 * t15 },
      { x: 10, y: 8 },
      { x: 8 * t15, y: 8 },
    ];
    const sides =
      shoelace([wedge[0]!, { x: 10, y: 0 }, wedge[1]!]) +
      shoelace([wedge[0]!, wedge[3]!, { x: 0, y: 8 }]);
    expect(result.coveredM2).toBeCloseTo(shoelace(wedge), 4);
    expect(result.deadZoneM2).toBeCloseTo(sides, 4);
  });

  it('stops at the range as a quarter disc drawn with chords inside the arc', () => {
    const plan = room(rect(0, 0, 10, 8));
    const cam = camera('c1', { x: 0, y: 0 }, { direction: 45, fov: 90, range: 5 });
    const quarter = (Math.PI * 25) / 4;

    const coarse = computeFloorCoverage(plan, [cam]).coveredM2;
    const fine = computeFloorCoverage(plan, [cam], { arcTolerance: 1e-5 }).coveredM2;

    expect(coarse).toBeLessThanOrEqual(quarter);
    expect(coarse).toBeGreaterThan(quarter - 0.06);
    expect(fine).toBeCloseTo(quarter, 3);
  });

  it('limits a demanding area to the DORI distance of the camera', () => {
    const plan = room(rect(0, 0, 10, 8), {
      areas: [area('gate', rect(0, 0, 10, 8), { requiredLevel: 'identify' })],
    });
    const cam = camera('c1', { x: 0, y: 0 }, { direction: 45, fov: 90, resolutionX: 1920 });
    const result = computeFloorCoverage(plan, [cam], { arcTolerance: 1e-5 });

    const identifyDistance = 1920 / (2 * 250 * Math.tan(Math.PI / 4));
    expect(result.coveredM2).toBeCloseTo((Math.PI * identifyDistance ** 2) / 4, 3);
  });

  it('leaves the known shadow of a pillar as the only dead zone', () => {
    const plan = room(rect(0, 0, 20, 20), {
      obstacles: [{ id: 'pillar-1', kind: 'pillar', polygon: rect(14, 9, 16, 11) }],
    });
    const result = computeFloorCoverage(plan, [fisheye('c1', { x: 10, y: 10 })]);

    // Rays through (14, 9) and (14, 11) reach the far wall at y = 7.5 and 12.5: a trapezoid of
    // (2 + 5) / 2 · 6 = 21 m², of which the pillar's own 4 m² is not floor.
    const [zone, ...others] = result.areas[0]!.deadZones;
    expect(others).toEqual([]);
    expect(zone!.areaM2).toBeCloseTo(17, 6);
    expect(result.requiredM2).toBeCloseTo(396, 9);
    expect(result.coveredM2).toBeCloseTo(379, 6);
  });

  it('sees around the inner corner of an L-shaped room only as far as the corner allows', () => {
    const outline = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 10 },
      { x: 0, y: 10 },
    ];
    const result = computeFloorCoverage(room(outline), [fisheye('c1', { x: 9, y: 2 })]);

    // The sight line through (9, 2) and the inner corner (4, 4) meets x = 0 at y = 5.6.
    expect(result.coveredM2).toBeCloseTo(43.2, 6);
    const zones = result.areas[0]!.deadZones;
    expect(zones).toHaveLength(1);
    expect(zones[0]!.areaM2).toBeCloseTo(20.8, 6);
    expect(sortedVertices(zones[0]!.polygon[0]!.outer)).toEqual(
      sortedVertices([
        { x: 0, y: 5.6 },
        { x: 4, y: 4 },
        { x: 4, y: 10 },
        { x: 0, y: 10 },
      ]),
    );
  });

  it('sees the whole L-shaped room from its kernel', () => {
    const outline = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 4 },
      { x: 4, y: 4 },
      { x: 4, y: 10 },
      { x: 0, y: 10 },
    ];
    const result = computeFloorCoverage(room(outline), [fisheye('c1', { x: 2, y: 2 })]);
    expect(result.coveredM2).toBeCloseTo(64, 6);
  });
});

describe('walls and openings', () => {
  // Two 10 × 10 rooms split by a 0.2 m wall at x = 10 with a 2 m opening from y = 4 to 6.
  // From (5, 5) the whole 2 × 0.1 m gap inside room B (x from 10 to 10.1) is seen; beyond the
  // far face the corners (10.1, 4) and (10.1, 6) bound the wedge |y − 5| ≤ (x − 5)/5.1, which
  // holds ∫ from 10.1 to 20 of 2(x − 5)/5.1 dx = (15² − 5.1²)/5.1 m².
  const throughDoor = 0.2 + (15 ** 2 - 5.1 ** 2) / 5.1;
  // Clipping runs on a 10 µm grid, so slanted boundaries are exact to about 1e-4 m².

  function twoRooms(opening: Opening, roomB: Partial<FloorPlan['areas'][number]> = {}): FloorPlan {
    return {
      id: 'floor-1',
      outline: rect(0, 0, 20, 10),
      walls: [
        {
          id: 'wall-mid',
          a: { x: 10, y: 0 },
          b: { x: 10, y: 10 },
          thickness: 0.2,
          openings: [opening],
        },
      ],
      obstacles: [],
      areas: [area('room-a', rect(0, 0, 10, 10)), area('room-b', rect(10, 0, 20, 10), roomB)],
    };
  }

  const cam = fisheye('c1', { x: 5, y: 5 });

  it('lets sight pass through a door', () => {
    const result = computeFloorCoverage(twoRooms({ id: 'd1', kind: 'door', offset: 4, width: 2 }), [
      cam,
    ]);
    const roomB = result.areas.find((a) => a.areaId === 'room-b')!;

    expect(roomB.coveredM2).toBeCloseTo(throughDoor, 4);
    expect(roomB.areaM2).toBeCloseTo(100 - 0.1 * 8, 9);
    expect(roomB.cameraIds).toEqual(['c1']);
  });

  it('lets sight pass through a clear window but not an opaque one', () => {
    const clear = computeFloorCoverage(
      twoRooms({ id: 'w1', kind: 'window', offset: 4, width: 2 }),
      [cam],
    );
    const opaque = computeFloorCoverage(
      twoRooms({ id: 'w1', kind: 'window', offset: 4, width: 2, opaque: true }),
      [cam],
    );

    expect(clear.areas[1]!.coveredM2).toBeCloseTo(throughDoor, 4);
    expect(opaque.areas[1]!.coveredM2).toBe(0);
    expect(opaque.areas[1]!.cameraIds).toEqual([]);
  });

  it('reports a camera that sees into a never-filmed room, and leaves that room out of coverage', () => {
    const plan = twoRooms({ id: 'd1', kind: 'door', offset: 4, width: 2 }, { neverFilmed: true });
    const result = computeFloorCoverage(plan, [cam]);

    expect(result.areas.map((a) => a.areaId)).toEqual(['room-a']);
    expect(result.privacyViolations).toHaveLength(1);
    const [violation] = result.privacyViolations;
    expect(violation).toMatchObject({ cameraId: 'c1', areaId: 'room-b' });
    expect(violation!.overlapM2).toBeCloseTo(throughDoor, 4);
    expect(regionArea(violation!.overlap)).toBeCloseTo(throughDoor, 4);
  });

  it('finds no violation when the door is shut off by an opaque window instead', () => {
    const plan = twoRooms(
      { id: 'w1', kind: 'window', offset: 4, width: 2, opaque: true },
      { neverFilmed: true },
    );
    expect(computeFloorCoverage(plan, [cam]).privacyViolations).toEqual([]);
  });

  it('ignores dead zones smaller than the sliver threshold', () => {
    const plan = room(rect(0, 0, 20, 20), {
      obstacles: [{ id: 'pillar-1', kind: 'pillar', polygon: rect(14, 9, 16, 11) }],
    });
    const cams = [fisheye('c1', { x: 10, y: 10 })];

    expect(
      computeFloorCoverage(plan, cams, { minDeadZoneM2: 16 }).areas[0]!.deadZones,
    ).toHaveLength(1);
    expect(
      computeFloorCoverage(plan, cams, { minDeadZoneM2: 18 }).areas[0]!.deadZones,
    ).toHaveLength(0);
  });
});

function shoelace(ring: readonly Point[]): number {
  let sum = 0;
  ring.forEach((a, i) => {
    const b = ring[(i + 1) % ring.length]!;
    sum += a.x * b.y - b.x * a.y;
  });
  return Math.abs(sum) / 2;
}

function sortedVertices(ring: readonly Point[]): string[] {
  return ring.map((p) => `${p.x.toFixed(6)},${p.y.toFixed(6)}`).sort();
}
