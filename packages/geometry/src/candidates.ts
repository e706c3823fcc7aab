import { asPreparedFloor, insideOutline, solidAt, type PreparedFloor } from './floor.ts';
import { pointInRing, signedArea } from './polygon.ts';
import type { Camera, CameraType, FloorPlan, Point } from './types.ts';
import { dist, toDegrees } from './vec.ts';

/** The camera model to try at every candidate position. */
export interface CameraTemplate {
  readonly type: CameraType;
  readonly fov: number;
  readonly range: number;
  readonly resolutionX: number;
  readonly mountHeight?: number;
}

export interface CandidateOptions {
  readonly template: CameraTemplate;
  /** Distance in metres between positions along a wall. Default 2. */
  readonly spacing?: number;
  /** Directions to try, in degrees from the wall's normal into the room. Default -45, 0, 45. */
  readonly turns?: readonly number[];
  /** How far in front of the wall face the camera sits, in metres. Default 0.05. */
  readonly setback?: number;
}

export interface PlacementCandidate {
  readonly id: string;
  /** The wall (or the floor outline) the camera would hang on. */
  readonly mountId: string;
  readonly camera: Camera;
}

interface Mount {
  readonly id: string;
  readonly a: Point;
  readonly b: Point;
  /** Half the wall's thickness (0 for the outline). */
  readonly halfThickness: number;
  readonly gaps: readonly [number, number][];
  /** Which normals to try: +1 is the left of a→b in plan coordinates. */
  readonly sides: readonly (1 | -1)[];
}

/**
 * Camera positions on both faces of every wall and on the inside of the outline, every
 * `spacing` metres, away from doors and windows, each tried at several directions. Positions
 * in solids, outside the outline or in never-filmed areas are left out.
 */
export function wallCandidates(
  plan: FloorPlan | PreparedFloor,
  options: CandidateOptions,
): PlacementCandidate[] {
  const floor = asPreparedFloor(plan);
  const spacing = options.spacing ?? 2;
  const turns = options.template.type === 'fisheye' ? [0] : (options.turns ?? [-45, 0, 45]);
  const setback = options.setback ?? 0.05;
  const privateRings = floor.plan.areas.filter((a) => a.neverFilmed).map((a) => a.polygon);

  return mounts(floor).flatMap((mount) =>
    mount.sides.flatMap((side) =>
      positions(mount, spacing).flatMap(({ along, point, normal }) => {
        const p = offset(point, normal, side * (mount.halfThickness + setback));
        if (!insideOutline(floor, p) || solidAt(floor, p)) return [];
        if (privateRings.some((ring) => pointInRing(p, ring))) return [];
        const facing = Math.atan2(side * normal.y, side * normal.x);
        return turns.map((turn) => {
          const id = `${mount.id}/${side > 0 ? 'L' : 'R'}/${along.toFixed(2)}/${turn}`;
          const camera = {
            ...options.template,
            id,
            position: p,
            direction: toDegrees(facing) + turn,
          };
          return { id, mountId: mount.id, camera };
        });
      }),
    ),
  );
}

function mounts(floor: PreparedFloor): Mount[] {
  const walls = floor.plan.walls.map((w) => ({
    id: w.id,
    a: w.a,
    b: w.b,
    halfThickness: w.thickness / 2,
    gaps: (w.openings ?? []).map((o): [number, number] => [o.offset, o.offset + o.width]),
    sides: [1, -1] as const,
  }));
  const ring = floor.outline;
  const inward: 1 | -1 = signedArea(ring) > 0 ? 1 : -1;
  const edges = ring.map((a, i) => ({
    id: `${floor.plan.id}:outline:${i}`,
    a,
    b: ring[(i + 1) % ring.length]!,
    halfThickness: 0,
    gaps: [],
    sides: [inward] as const,
  }));
  return [...walls, ...edges];
}

function positions(
  mount: Mount,
  spacing: number,
): { along: number; point: Point; normal: Point }[] {
  const length = dist(mount.a, mount.b);
  const ux = (mount.b.x - mount.a.x) / length;
  const uy = (mount.b.y - mount.a.y) / length;
  const normal = { x: -uy, y: ux };
  const count = Math.max(1, Math.floor(length / spacing));
  const first = (length - (count - 1) * spacing) / 2;
  const out: { along: number; point: Point; normal: Point }[] = [];
  for (let i = 0; i < count; i++) {
    const along = first + i * spacing;
    if (mount.gaps.some(([from, to]) => along > from - 0.1 && along < to + 0.1)) continue;
    out.push({ along, point: { x: mount.a.x + ux * along, y: mount.a.y + uy * along }, normal });
  }
  return out;
}

function offset(p: Point, normal: Point, by: number): Point {
  return { x: p.x + normal.x * by, y: p.y + normal.y * by };
}
