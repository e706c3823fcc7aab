import {
  areaPolygonSchema,
  defaultRequiredLevels,
  obstacleSchema,
  planScaleSchema,
  pointSchema,
  wallSchema,
  type AreaKind,
  type DoriLevelName,
  type PlanArea,
  type PlanCamera,
  type PlanScale,
} from '@gardenwatch/contracts';
import {
  GeometryError,
  type Area,
  type Camera,
  type FloorPlan,
  type Obstacle,
  type Wall,
} from '@gardenwatch/geometry';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { AreaRow, PlanCameraRow, PlanRow } from './coverage.repository.ts';

/** The plan's JSON columns, checked on the way out of the database as on the way in. */
const storedPlan = z.object({
  outline: z.array(pointSchema),
  walls: z.array(wallSchema),
  obstacles: z.array(obstacleSchema),
  area_polygons: z.array(areaPolygonSchema),
  scale: planScaleSchema.nullable(),
});
export type StoredPlan = z.infer<typeof storedPlan>;

export function parseStoredPlan(row: PlanRow): StoredPlan {
  return storedPlan.parse(row);
}

export function metresPerPixel(scale: PlanScale | null): number | null {
  if (!scale) return null;
  const pixels = Math.hypot(scale.b.x - scale.a.x, scale.b.y - scale.a.y);
  return pixels > 0 ? scale.metres / pixels : null;
}

export type LevelTable = Readonly<Record<AreaKind, DoriLevelName>>;

export function levelTable(overrides: Map<string, string>): LevelTable {
  const table = { ...defaultRequiredLevels };
  for (const kind of Object.keys(table) as AreaKind[]) {
    const level = overrides.get(kind);
    if (level) table[kind] = level as DoriLevelName;
  }
  return table;
}

export function toPlanArea(row: AreaRow, levels: LevelTable): PlanArea {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    isKey: row.isKey,
    neverFilmed: row.neverFilmed,
    requiredLevel: levels[row.kind],
  };
}

/** The geometry's view of a plan: only areas that are drawn and still active take part. */
export function toFloorPlan(floorId: string, plan: StoredPlan, areas: PlanArea[]): FloorPlan {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const drawn: Area[] = plan.area_polygons.flatMap(({ areaId, polygon }) => {
    const area = byId.get(areaId);
    if (!area) return [];
    return [
      { id: areaId, polygon, requiredLevel: area.requiredLevel, neverFilmed: area.neverFilmed },
    ];
  });
  const walls: Wall[] = plan.walls;
  const obstacles: Obstacle[] = plan.obstacles;
  return { id: floorId, outline: plan.outline, walls, obstacles, areas: drawn };
}

export function toGeometryCamera(camera: PlanCamera): Camera {
  return {
    id: camera.id,
    type: camera.type,
    position: { x: camera.x, y: camera.y },
    direction: camera.direction,
    fov: camera.fov,
    range: camera.range,
    resolutionX: camera.resolutionX,
    mountHeight: camera.mountHeight,
  };
}

export function toPlanCamera(row: PlanCameraRow): PlanCamera {
  return {
    id: row.id,
    floorId: row.floor_id,
    cameraId: row.camera_id,
    name: row.name,
    type: row.type,
    x: row.x,
    y: row.y,
    mountHeight: row.mount_height,
    direction: row.direction,
    fov: row.fov,
    focalLengthMm: row.focal_length_mm,
    sensorWidthMm: row.sensor_width_mm,
    range: row.range_m,
    resolutionX: row.resolution_x,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/**
 * A geometry refusal as a 400 naming each element: `fields` carries the element id (a wall,
 * an area, a camera) so that the editor can point at it.
 */
export function planRejected(error: GeometryError, label = (id: string) => id): AppError {
  const fields = error.issues.map((i) => ({
    field: label(i.elementId),
    element: i.elementId,
    code: i.code,
    message: i.message,
  }));
  return new AppError('VALIDATION_FAILED', `Invalid plan: ${error.message}`, {
    cause: error,
    details: { fields },
  });
}

export function rethrowGeometry<T>(work: () => T, label?: (id: string) => string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof GeometryError) throw planRejected(error, label);
    throw error;
  }
}
