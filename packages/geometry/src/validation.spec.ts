import { describe, expect, it } from 'vitest';
import { computeFloorCoverage } from './coverage.ts';
import { horizontalFovFromLens } from './dori.ts';
import { GeometryError, type GeometryErrorCode } from './errors.ts';
import { validateFloorPlan } from './floor.ts';
import { camera, fisheye, rect, room } from './spec-fixtures.ts';
import { visibilityPolygon } from './visibility-polygon.ts';
import { prepareFloor } from './floor.ts';

function thrown(fn: () => unknown): GeometryError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GeometryError) return error;
    throw error;
  }
  throw new Error('expected a GeometryError');
}

function expectIssue(error: GeometryError, code: GeometryErrorCode, elementId: string): void {
  expect(error.code).toBe(code);
  expect(error.elementId).toBe(elementId);
  expect(error.message).toContain(elementId);
}

const square = rect(0, 0, 10, 10);
const bowtie = [
  { x: 0, y: 0 },
  { x: 4, y: 4 },
  { x: 4, y: 0 },
  { x: 0, y: 4 },
];

describe('bad plans', () => {
  it('names a self-intersecting area', () => {
    const plan = room(square, {
      areas: [{ id: 'nap-room', polygon: bowtie, requiredLevel: 'observe' }],
    });
    expectIssue(
      thrown(() => computeFloorCoverage(plan, [])),
      'POLYGON_SELF_INTERSECTING',
      'nap-room',
    );
  });

  it('names a self-intersecting obstacle and an outline that folds back on itself', () => {
    const obstacle = room(square, {
      obstacles: [{ id: 'cupboard', kind: 'furniture', polygon: bowtie }],
    });
    expectIssue(
      thrown(() => prepareFloor(obstacle)),
      'POLYGON_SELF_INTERSECTING',
      'cupboard',
    );

    const folded = [
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 5, y: 0 },
      { x: 5, y: 5 },
    ];
    expectIssue(
      thrown(() => prepareFloor(room(folded, { areas: [] }))),
      'POLYGON_SELF_INTERSECTING',
      'floor-1',
    );
  });

  it('names polygons with too few points or no area', () => {
    const twoPoints = room(square, {
      areas: [{ id: 'a2', polygon: square.slice(0, 2), requiredLevel: 'detect' }],
    });
    expectIssue(
      thrown(() => prepareFloor(twoPoints)),
      'POLYGON_TOO_FEW_POINTS',
      'a2',
    );

    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ];
    const flat = room(square, { obstacles: [{ id: 'shelf', kind: 'furniture', polygon: line }] });
    expectIssue(
      thrown(() => prepareFloor(flat)),
      'POLYGON_ZERO_AREA',
      'shelf',
    );
  });

  it('names a zero-length wall, a wall without thickness and an opening off the wall', () => {
    const zero = room(square, {
      walls: [{ id: 'w-zero', a: { x: 1, y: 1 }, b: { x: 1, y: 1 }, thickness: 0.2 }],
    });
    expectIssue(
      thrown(() => prepareFloor(zero)),
      'WALL_ZERO_LENGTH',
      'w-zero',
    );

    const thin = room(square, {
      walls: [{ id: 'w-thin', a: { x: 1, y: 1 }, b: { x: 5, y: 1 }, thickness: 0 }],
    });
    expectIssue(
      thrown(() => prepareFloor(thin)),
      'WALL_BAD_THICKNESS',
      'w-thin',
    );

    const door = { id: 'door-7', kind: 'door' as const, offset: 3.5, width: 1 };
    const off = room(square, {
      walls: [{ id: 'w1', a: { x: 1, y: 1 }, b: { x: 5, y: 1 }, thickness: 0.2, openings: [door] }],
    });
    expectIssue(
      thrown(() => prepareFloor(off)),
      'OPENING_OUTSIDE_WALL',
      'door-7',
    );
  });

  it('lists every problem, not only the first', () => {
    const plan = room(square, {
      walls: [{ id: 'w-zero', a: { x: 1, y: 1 }, b: { x: 1, y: 1 }, thickness: 0.2 }],
      areas: [{ id: 'nap-room', polygon: bowtie, requiredLevel: 'observe' }],
    });
    expect(validateFloorPlan(plan).map((i) => i.elementId)).toEqual(['w-zero', 'nap-room']);
    expect(thrown(() => prepareFloor(plan)).message).toContain('and 1 more');
  });

  it('accepts a valid plan', () => {
    expect(validateFloorPlan(room(square))).toEqual([]);
  });
});

describe('bad cameras', () => {
  const plan = room(square, {
    walls: [{ id: 'wall-3', a: { x: 5, y: 0 }, b: { x: 5, y: 6 }, thickness: 0.3 }],
  });

  it('names a camera outside the plan', () => {
    const error = thrown(() => computeFloorCoverage(plan, [camera('cam-out', { x: 12, y: 3 })]));
    expectIssue(error, 'CAMERA_OUTSIDE_PLAN', 'cam-out');
    expect(error.message).toContain('floor-1');
  });

  it('names a camera inside a wall and the wall', () => {
    const error = thrown(() => computeFloorCoverage(plan, [camera('cam-in', { x: 5.05, y: 3 })]));
    expectIssue(error, 'CAMERA_INSIDE_SOLID', 'cam-in');
    expect(error.message).toContain('wall-3');
  });

  it.each([0, -10, 180, 400, Number.NaN])(
    'refuses a fixed lens with a field of view of %s°',
    (fov) => {
      const error = thrown(() =>
        computeFloorCoverage(plan, [camera('cam-fov', { x: 2, y: 2 }, { fov })]),
      );
      expectIssue(error, 'CAMERA_BAD_FOV', 'cam-fov');
    },
  );

  it('refuses a fisheye that is not 360°, a zero range and a zero resolution', () => {
    const narrow = fisheye('fish', { x: 2, y: 2 }, { fov: 180 });
    expectIssue(
      thrown(() => computeFloorCoverage(plan, [narrow])),
      'CAMERA_BAD_FOV',
      'fish',
    );
    const blind = camera('blind', { x: 2, y: 2 }, { range: 0 });
    expectIssue(
      thrown(() => computeFloorCoverage(plan, [blind])),
      'CAMERA_BAD_RANGE',
      'blind',
    );
    const dark = camera('dark', { x: 2, y: 2 }, { resolutionX: 0 });
    expectIssue(
      thrown(() => computeFloorCoverage(plan, [dark])),
      'CAMERA_BAD_RESOLUTION',
      'dark',
    );
  });

  it('refuses an impossible field of view for a bare viewpoint', () => {
    const floor = prepareFloor(plan);
    expect(
      thrown(() => visibilityPolygon(floor, { x: 2, y: 2 }, { range: 5, fov: 361 })).code,
    ).toBe('CAMERA_BAD_FOV');
    expect(thrown(() => visibilityPolygon(floor, { x: 2, y: 2 }, { range: 5, fov: 0 })).code).toBe(
      'CAMERA_BAD_FOV',
    );
  });

  it('refuses a lens without a focal length', () => {
    expect(thrown(() => horizontalFovFromLens({ focalLengthMm: 0, sensorWidthMm: 5 })).code).toBe(
      'LENS_INVALID',
    );
  });
});

describe('duplicate cameras', () => {
  it('names a camera id used twice', () => {
    const cams = [camera('cam-1', { x: 2, y: 2 }), camera('cam-1', { x: 3, y: 3 })];
    const error = thrown(() => computeFloorCoverage(room(square), cams));
    expectIssue(error, 'DUPLICATE_ID', 'cam-1');
  });
});
