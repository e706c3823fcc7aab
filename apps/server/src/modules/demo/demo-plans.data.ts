import {
  defaultRequiredLevels,
  neverFilmedKinds,
  type AreaKind,
  type PlanCameraInput,
  type PlanObstacle,
  type PlanPoint,
  type PlanWall,
} from '@gardenwatch/contracts';
import type { DemoArea } from './demo.data.ts';

/** A demo floor plan before its areas are tied to rows: areas are named, not yet ids. */
export interface DemoPlan {
  outline: PlanPoint[];
  walls: PlanWall[];
  obstacles: PlanObstacle[];
  areas: { name: string; polygon: PlanPoint[] }[];
  cameras: (Omit<PlanCameraInput, 'cameraId'> & { area: string })[];
}

/** What to leave out or add on purpose, so that the demo shows dead zones. */
export interface DemoFlaws {
  /** Corridor cameras beyond this x (metres) are not installed. */
  corridorCamerasUpTo?: number;
  /** A pillar in the middle of this room. */
  pillarIn?: string;
}

const rect = (x0: number, y0: number, x1: number, y1: number): PlanPoint[] => [
  { x: x0, y: y0 },
  { x: x1, y: y0 },
  { x: x1, y: y1 },
  { x: x0, y: y1 },
];

const ROOM_WIDTH: Partial<Record<AreaKind, number>> = {
  classroom: 10,
  nap_room: 6,
  toilet: 4,
  changing_room: 4,
  stairs: 4,
  entrance_hall: 8,
  dining_room: 12,
  kitchen: 8,
};
const DEPTH = 6;
const CORRIDOR = 3;
const WALL = 0.2;
const HAIR = 0.01;

/** Horizontal resolution a room camera needs for the level its kind requires. */
const RESOLUTION = { detect: 1280, observe: 1920, recognise: 2560, identify: 3840 } as const;

/**
 * An indoor floor as schools are built here: rooms in a row on the north side, each with a
 * door onto a corridor along the south side. Every filmable room gets a camera in the corner
 * by its door, looking in; identify rooms (entrance halls) one in each front corner.
 */
export function indoorPlan(areas: DemoArea[], flaws: DemoFlaws = {}): DemoPlan {
  const rooms = areas.filter((a) => a.kind !== 'corridor');
  const corridor = areas.find((a) => a.kind === 'corridor');
  let x = 0;
  const placed = rooms.map((room) => {
    const width = ROOM_WIDTH[room.kind] ?? 6;
    const at = { room, x0: x, x1: x + width };
    x += width;
    return at;
  });
  const width = x;
  const depth = DEPTH + CORRIDOR;
  const plan: DemoPlan = {
    outline: rect(0, 0, width, depth),
    walls: [],
    obstacles: [],
    areas: placed.map(({ room, x0, x1 }) => ({
      name: room.name,
      // Up to the face of the front wall: a door's recess belongs to no room.
      polygon: rect(x0, 0, x1, DEPTH - WALL / 2),
    })),
    cameras: placed.flatMap(({ room, x0, x1 }, i) =>
      roomCameras(room, {
        west: x0 === 0 ? 0 : x0 + WALL / 2,
        east: x1 === x ? x1 : x1 - WALL / 2,
        privateEast: isPrivate(placed[i + 1]?.room),
      }),
    ),
  };
  plan.walls.push(frontWall(placed, width));
  placed.slice(1).forEach(({ room, x0 }, i) => {
    const side: PlanWall = {
      id: `w-side-${i + 1}`,
      a: { x: x0, y: 0 },
      b: { x: x0, y: DEPTH },
      thickness: WALL,
    };
    // A toilet or changing room opens into the room west of it, never onto the corridor,
    // where the corridor cameras would look through its door.
    const door = { id: `door-side-${i + 1}`, kind: 'door' as const, offset: 0.5, width: 0.9 };
    plan.walls.push(isPrivate(room) ? { ...side, openings: [door] } : side);
  });
  if (corridor) {
    plan.areas.push({ name: corridor.name, polygon: rect(0, DEPTH, width, depth) });
    plan.cameras.push(...corridorCameras(corridor.name, width, flaws.corridorCamerasUpTo));
  }
  const pillarRoom = placed.find((p) => p.room.name === flaws.pillarIn);
  if (pillarRoom) {
    const cx = (pillarRoom.x0 + pillarRoom.x1) / 2;
    plan.obstacles.push({
      id: 'pillar-1',
      kind: 'pillar',
      polygon: rect(cx - 0.4, 2.6, cx + 0.4, 3.4),
    });
  }
  return plan;
}

/** The wall between the rooms and the corridor, with a 1.2 m door near each room's east end. */
function frontWall(placed: { room: DemoArea; x1: number }[], width: number): PlanWall {
  return {
    id: 'w-front',
    a: { x: 0, y: DEPTH },
    b: { x: width, y: DEPTH },
    thickness: WALL,
    openings: placed.flatMap(({ room, x1 }, i) =>
      isPrivate(room) && i > 0
        ? []
        : [{ id: `door-${i + 1}`, kind: 'door' as const, offset: x1 - 1.8, width: 1.2 }],
    ),
  };
}

const isPrivate = (room: DemoArea | undefined) =>
  room !== undefined && neverFilmedKinds.has(room.kind);

/**
 * A room's camera hangs in the front corner by its west wall looking north-east; when a toilet
 * opens off its east wall, in the east corner looking north-west, so that the door is behind
 * the edge of its view.
 */
function roomCameras(
  room: DemoArea,
  faces: { west: number; east: number; privateEast: boolean },
): DemoPlan['cameras'] {
  if (neverFilmedKinds.has(room.kind)) return [];
  const level = defaultRequiredLevels[room.kind];
  const base = {
    area: room.name,
    type: 'fixed' as const,
    mountHeight: 2.8,
    fov: 90,
    range: 20,
    resolutionX: RESOLUTION[level],
  };
  // A hair in front of the wall faces: the strip behind the lens stays a sliver.
  const y = DEPTH - WALL / 2 - HAIR;
  const west = {
    ...base,
    name: `${room.name}摄像机`,
    x: faces.west + HAIR,
    y,
    direction: -45,
  };
  if (faces.privateEast) return [{ ...west, x: faces.east - HAIR, direction: -135 }];
  if (level !== 'identify') return [west];
  const east = {
    ...base,
    name: `${room.name}摄像机2`,
    x: faces.east - HAIR,
    y,
    direction: -135,
  };
  return [west, east];
}

/**
 * Corridor cameras on the south wall at most 20 m apart, one chain looking east and one looking west,
 * so each covers the blind wedge at the foot of the other.
 */
function corridorCameras(area: string, width: number, upTo = Infinity): DemoPlan['cameras'] {
  const y = DEPTH + CORRIDOR - HAIR;
  const base = {
    area,
    type: 'fixed' as const,
    mountHeight: 2.8,
    fov: 60,
    range: 30,
    resolutionX: 3840,
  };
  const count = Math.ceil(width / 20);
  const stops = Array.from({ length: count }, (_, i) => (i * width) / count);
  const east = stops.map((d, i) => ({
    ...base,
    name: `${area}东向${i + 1}`,
    x: Math.max(d, HAIR),
    y,
    direction: 0,
  }));
  const west = stops.map((d, i) => ({
    ...base,
    name: `${area}西向${i + 1}`,
    x: Math.min(width - d, width - HAIR),
    y,
    direction: 180,
  }));
  return [...east, ...west].filter((c) => c.x <= upTo);
}

/**
 * The grounds: gates on the north and south fences, perimeter strips along east and west, and
 * the playground between; cameras on poles at the edges.
 */
export function groundsPlan(areas: DemoArea[]): DemoPlan {
  const byKind = (kind: AreaKind) => areas.filter((a) => a.kind === kind).map((a) => a.name);
  const [frontGate, backGate] = byKind('gate');
  const [east, west] = byKind('perimeter');
  const [playground] = byKind('playground');
  const plan: DemoPlan = {
    outline: rect(0, 0, 60, 40),
    walls: [],
    obstacles: [],
    areas: [],
    cameras: [],
  };
  const pole = { type: 'fixed' as const, mountHeight: 4, range: 45 };
  if (frontGate) {
    plan.areas.push({ name: frontGate, polygon: rect(26, 36, 34, 40) });
    plan.cameras.push(...gateCameras(frontGate, 26, 34, 40 - HAIR, -1));
  }
  if (backGate) {
    plan.areas.push({ name: backGate, polygon: rect(20, 0, 28, 4) });
    plan.cameras.push(...gateCameras(backGate, 20, 28, HAIR, 1));
  }
  for (const [name, x0, x1] of [
    [east, 57, 60],
    [west, 0, 3],
  ] as const) {
    if (!name) continue;
    const cx = (x0 + x1) / 2;
    plan.areas.push({ name, polygon: rect(x0, 0, x1, 40) });
    plan.cameras.push(
      {
        ...pole,
        area: name,
        name: `${name}北`,
        x: cx,
        y: HAIR,
        direction: 90,
        fov: 30,
        resolutionX: 2560,
      },
      {
        ...pole,
        area: name,
        name: `${name}南`,
        x: cx,
        y: 40 - HAIR,
        direction: -90,
        fov: 30,
        resolutionX: 2560,
      },
    );
  }
  if (playground) {
    plan.areas.push({ name: playground, polygon: rect(10, 6, 50, 32) });
    const corners = [
      [10 + HAIR, 6 + HAIR, 45],
      [50 - HAIR, 6 + HAIR, 135],
      [10 + HAIR, 32 - HAIR, -45],
      [50 - HAIR, 32 - HAIR, -135],
    ] as const;
    corners.forEach(([x, y, direction], i) => {
      plan.cameras.push({
        ...pole,
        area: playground,
        name: `${playground}${i + 1}`,
        x,
        y,
        direction,
        fov: 90,
        resolutionX: 3840,
      });
    });
  }
  return plan;
}

/** A pair of cameras at the two ends of a gate, each looking in across it (faces in reach). */
function gateCameras(area: string, x0: number, x1: number, y: number, inward: 1 | -1) {
  const base = {
    area,
    type: 'fixed' as const,
    mountHeight: 4,
    range: 20,
    fov: 90,
    resolutionX: 3840,
  };
  return [
    { ...base, name: `${area}枪机1`, x: x0 + HAIR, y, direction: inward * 45 },
    { ...base, name: `${area}枪机2`, x: x1 - HAIR, y, direction: inward * 135 },
  ];
}
