import type { Area, Camera, FloorPlan, Point } from './types.ts';

/** Builders shared by the specs; not part of the package's entry point. */
export function rect(x0: number, y0: number, x1: number, y1: number): Point[] {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

export function area(id: string, polygon: Point[], extra: Partial<Area> = {}): Area {
  return { id, polygon, requiredLevel: 'detect', ...extra };
}

/** A single room whose only area is the room itself. */
export function room(outline: Point[], extra: Partial<FloorPlan> = {}): FloorPlan {
  return {
    id: 'floor-1',
    outline,
    walls: [],
    obstacles: [],
    areas: [area('room', outline)],
    ...extra,
  };
}

/** A camera sharp enough that detection reaches its whole range. */
export function camera(id: string, position: Point, extra: Partial<Camera> = {}): Camera {
  return {
    id,
    type: 'fixed',
    position,
    direction: 0,
    fov: 90,
    range: 100,
    resolutionX: 1_000_000,
    ...extra,
  };
}

export function fisheye(id: string, position: Point, extra: Partial<Camera> = {}): Camera {
  return camera(id, position, { type: 'fisheye', fov: 360, mountHeight: 3, ...extra });
}
