import {
  coverageRoutes as r,
  type AreaPolygon,
  type FloorPlanView,
  type PlanObstacle,
  type PlanPoint,
  type PlanWall,
} from '@gardenwatch/contracts';
import { callRoute } from '../../api/call-route.ts';

/** A placed camera while it is edited; `key` is its id, or a temporary key until saved. */
export interface DraftCamera {
  key: string;
  id: string | null;
  cameraId: string | null;
  name: string;
  type: 'fixed' | 'fisheye';
  x: number;
  y: number;
  mountHeight: number;
  direction: number;
  fov: number;
  range: number;
  resolutionX: number;
}

export interface DraftPlan {
  outline: PlanPoint[];
  walls: PlanWall[];
  obstacles: PlanObstacle[];
  areaPolygons: AreaPolygon[];
  cameras: DraftCamera[];
}

export function draftOf(view: FloorPlanView): DraftPlan {
  return {
    outline: view.outline.length > 0 ? view.outline : rectangle(20, 12),
    walls: view.walls,
    obstacles: view.obstacles,
    areaPolygons: view.areaPolygons,
    cameras: view.cameras.map((c) => ({
      key: c.id,
      id: c.id,
      cameraId: c.cameraId,
      name: c.name,
      type: c.type,
      x: c.x,
      y: c.y,
      mountHeight: c.mountHeight,
      direction: c.direction,
      fov: c.fov,
      range: c.range,
      resolutionX: c.resolutionX,
    })),
  };
}

export const rectangle = (w: number, h: number): PlanPoint[] => [
  { x: 0, y: 0 },
  { x: w, y: 0 },
  { x: w, y: h },
  { x: 0, y: h },
];

export interface History {
  past: DraftPlan[];
  present: DraftPlan;
  future: DraftPlan[];
}

export type HistoryAction =
  | { type: 'change'; plan: DraftPlan }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; plan: DraftPlan };

/** Every change is one step back; a new change after undoing drops the redo steps. */
export function historyReducer(state: History, action: HistoryAction): History {
  switch (action.type) {
    case 'change':
      return { past: [...state.past, state.present].slice(-100), present: action.plan, future: [] };
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest };
    }
    case 'reset':
      return { past: [], present: action.plan, future: [] };
  }
}

/** Saves the plan, then the cameras that were added, changed or taken off. */
export async function saveDraft(
  floorId: string,
  view: FloorPlanView,
  draft: DraftPlan,
): Promise<void> {
  await callRoute(r.savePlan, {
    params: { floorId },
    body: {
      outline: draft.outline,
      walls: draft.walls,
      obstacles: draft.obstacles,
      areas: draft.areaPolygons,
      scale: view.scale,
      minDeadZoneM2: view.minDeadZoneM2,
    },
  });
  const kept = new Set(draft.cameras.flatMap((c) => (c.id ? [c.id] : [])));
  for (const gone of view.cameras.filter((c) => !kept.has(c.id))) {
    await callRoute(r.removeCamera, { params: { id: gone.id } });
  }
  for (const camera of draft.cameras) {
    const before = view.cameras.find((c) => c.id === camera.id);
    const body = cameraBody(camera);
    if (!camera.id) await callRoute(r.addCamera, { params: { floorId }, body });
    else if (before && changed(before, camera)) {
      await callRoute(r.updateCamera, { params: { id: camera.id }, body });
    }
  }
}

function cameraBody(c: DraftCamera) {
  return {
    name: c.name,
    cameraId: c.cameraId,
    type: c.type,
    x: c.x,
    y: c.y,
    mountHeight: c.mountHeight,
    direction: c.direction,
    ...(c.type === 'fixed' ? { fov: c.fov } : {}),
    range: c.range,
    resolutionX: c.resolutionX,
  };
}

function changed(before: FloorPlanView['cameras'][number], after: DraftCamera): boolean {
  const keys = [
    'name',
    'type',
    'x',
    'y',
    'mountHeight',
    'direction',
    'fov',
    'range',
    'resolutionX',
  ] as const;
  return keys.some((k) => before[k] !== after[k]);
}
