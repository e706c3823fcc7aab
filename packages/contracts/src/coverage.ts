import { z } from 'zod';
import { areaKindSchema, type AreaKind } from './org-kinds.ts';

const timestamp = z.iso.datetime({ offset: true });
const coordinate = z
  .number()
  .min(-10_000, 'must be within 10 km of the origin')
  .max(10_000, 'must be within 10 km of the origin');
const elementId = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1 to 64 letters, digits, - or _');

export const pointSchema = z.strictObject({ x: coordinate, y: coordinate });
export type PlanPoint = z.infer<typeof pointSchema>;
export const ringSchema = z
  .array(pointSchema)
  .min(3, 'needs at least 3 points')
  .max(2_000, 'has too many points');

export const doriLevels = ['detect', 'observe', 'recognise', 'identify'] as const;
export const doriLevelSchema = z.enum(doriLevels);
export type DoriLevelName = z.infer<typeof doriLevelSchema>;

/** The level each area kind must be seen at unless the city changes it. */
export const defaultRequiredLevels: Readonly<Record<AreaKind, DoriLevelName>> = {
  gate: 'identify',
  entrance_hall: 'identify',
  perimeter: 'observe',
  playground: 'observe',
  corridor: 'recognise',
  stairs: 'recognise',
  classroom: 'observe',
  nap_room: 'observe',
  dining_room: 'observe',
  kitchen: 'observe',
  clinic: 'observe',
  office: 'observe',
  storeroom: 'observe',
  toilet: 'observe',
  changing_room: 'observe',
};

export const openingSchema = z.strictObject({
  id: elementId,
  kind: z.enum(['door', 'window']),
  offset: z.number().min(0, 'must not be negative').max(1_000),
  width: z.number().gt(0, 'must be more than 0 m').max(50),
  opaque: z.boolean().optional(),
});

export const wallSchema = z.strictObject({
  id: elementId,
  a: pointSchema,
  b: pointSchema,
  thickness: z.number().gt(0, 'must be more than 0 m').max(3, 'must be at most 3 m'),
  openings: z.array(openingSchema).max(50).optional(),
});
export type PlanWall = z.infer<typeof wallSchema>;

export const obstacleSchema = z.strictObject({
  id: elementId,
  kind: z.enum(['pillar', 'furniture']),
  polygon: ringSchema,
});
export type PlanObstacle = z.infer<typeof obstacleSchema>;

export const areaPolygonSchema = z.strictObject({ areaId: z.uuid(), polygon: ringSchema });
export type AreaPolygon = z.infer<typeof areaPolygonSchema>;

/** Two points of the background image (in its pixels) and the real distance between them. */
export const planScaleSchema = z.strictObject({
  a: pointSchema,
  b: pointSchema,
  metres: z.number().gt(0, 'must be more than 0 m').max(10_000),
});
export type PlanScale = z.infer<typeof planScaleSchema>;

export const floorPlanInput = z.strictObject({
  outline: ringSchema,
  walls: z.array(wallSchema).max(5_000, 'has too many walls'),
  obstacles: z.array(obstacleSchema).max(1_000, 'has too many obstacles'),
  areas: z.array(areaPolygonSchema).max(500, 'has too many areas'),
  scale: planScaleSchema.nullable(),
  minDeadZoneM2: z.number().min(0).max(100).default(0.25),
});
export type FloorPlanInput = z.input<typeof floorPlanInput>;

export const planAreaSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: areaKindSchema,
  isKey: z.boolean(),
  neverFilmed: z.boolean(),
  requiredLevel: doriLevelSchema,
});
export type PlanArea = z.infer<typeof planAreaSchema>;

export const cameraTypeSchema = z.enum(['fixed', 'fisheye']);

export const planCameraSchema = z.object({
  id: z.uuid(),
  floorId: z.uuid(),
  cameraId: z.uuid().nullable(),
  name: z.string(),
  type: cameraTypeSchema,
  x: z.number(),
  y: z.number(),
  mountHeight: z.number(),
  direction: z.number(),
  fov: z.number(),
  focalLengthMm: z.number().nullable(),
  sensorWidthMm: z.number().nullable(),
  range: z.number(),
  resolutionX: z.number().int(),
  updatedAt: timestamp,
});
export type PlanCamera = z.infer<typeof planCameraSchema>;

const lensSchema = z.strictObject({
  focalLengthMm: z.number().gt(0, 'must be more than 0 mm').max(1_000),
  sensorWidthMm: z.number().gt(0, 'must be more than 0 mm').max(100),
});

/**
 * A fixed camera's field of view is entered, or derived from its lens; a fisheye sees 360°.
 * Whether the numbers make a possible lens is checked by the geometry and named per camera.
 */
export const planCameraInput = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'is too long'),
  cameraId: z.uuid().nullable().default(null),
  type: cameraTypeSchema,
  x: coordinate,
  y: coordinate,
  mountHeight: z.number().gt(0, 'must be more than 0 m').max(30, 'must be at most 30 m'),
  direction: z.number().min(-360).max(720),
  fov: z.number().optional(),
  lens: lensSchema.optional(),
  range: z.number().gt(0, 'must be more than 0 m').max(500, 'must be at most 500 m'),
  resolutionX: z.number().int().min(64, 'must be at least 64 px').max(20_000),
});
export type PlanCameraInput = z.input<typeof planCameraInput>;

export const floorPlanSchema = z.object({
  floorId: z.uuid(),
  floorName: z.string(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  outline: z.array(pointSchema),
  walls: z.array(wallSchema),
  obstacles: z.array(obstacleSchema),
  areaPolygons: z.array(areaPolygonSchema),
  scale: planScaleSchema.nullable(),
  /** Metres per image pixel from the scale, null without one. */
  metresPerPixel: z.number().nullable(),
  minDeadZoneM2: z.number(),
  background: z.object({ contentType: z.string(), bytes: z.number().int() }).nullable(),
  areas: z.array(planAreaSchema),
  cameras: z.array(planCameraSchema),
  /** 0 for a floor that has no plan yet. */
  version: z.number().int(),
  updatedAt: timestamp.nullable(),
});
export type FloorPlanView = z.infer<typeof floorPlanSchema>;

/** One or more polygons with holes, in plan metres. */
export const regionSchema = z.array(
  z.object({ outer: z.array(pointSchema), holes: z.array(z.array(pointSchema)) }),
);
export type PlanRegion = z.infer<typeof regionSchema>;

const levelShares = z.object({
  detect: z.number(),
  observe: z.number(),
  recognise: z.number(),
  identify: z.number(),
});

export const areaCoverageSchema = z.object({
  areaId: z.uuid(),
  name: z.string(),
  kind: areaKindSchema,
  isKey: z.boolean(),
  requiredLevel: doriLevelSchema,
  /** The highest level at which the area has no dead zone, null when not even detect. */
  reachedLevel: doriLevelSchema.nullable(),
  areaM2: z.number(),
  coveredM2: z.number(),
  coveredShare: z.number(),
  shareByLevel: levelShares,
  cameraIds: z.array(z.string()),
});
export type AreaCoverageView = z.infer<typeof areaCoverageSchema>;

export const deadZoneSchema = z.object({
  areaId: z.uuid(),
  areaM2: z.number(),
  polygon: regionSchema,
});
export type DeadZoneView = z.infer<typeof deadZoneSchema>;

export const privacyViolationSchema = z.object({
  cameraId: z.uuid(),
  areaId: z.uuid(),
  overlapM2: z.number(),
  polygon: regionSchema,
});

export const cameraSightSchema = z.object({
  cameraId: z.uuid(),
  /** What the camera sees out to its range, walls applied. */
  visible: z.array(pointSchema),
  /** What it sees at each DORI level or better (nested: identify inside recognise ...). */
  bands: z.array(z.object({ level: doriLevelSchema, ring: z.array(pointSchema) })),
});

export const floorCoverageSchema = z.object({
  floorId: z.uuid(),
  requiredM2: z.number(),
  coveredM2: z.number(),
  coveredShare: z.number(),
  keyRequiredM2: z.number(),
  keyCoveredM2: z.number(),
  deadZoneM2: z.number(),
  minDeadZoneM2: z.number(),
  areas: z.array(areaCoverageSchema),
  deadZones: z.array(deadZoneSchema),
  violations: z.array(privacyViolationSchema),
  sights: z.array(cameraSightSchema),
  /** Placed cameras the geometry refused (outside the plan, inside a wall), left out above. */
  cameraErrors: z.array(z.object({ cameraId: z.uuid(), code: z.string(), message: z.string() })),
});
export type FloorCoverageView = z.infer<typeof floorCoverageSchema>;

export const adviceQuery = z.strictObject({
  count: z.coerce.number().int().min(1).max(20).default(3),
  fov: z.coerce.number().gt(0).lt(180).default(90),
  range: z.coerce.number().gt(0).max(100).default(15),
  resolutionX: z.coerce.number().int().min(64).max(20_000).default(1920),
  spacing: z.coerce.number().min(0.5).max(20).default(2),
});

export const adviceSchema = z.object({
  floorId: z.uuid(),
  candidates: z.number().int(),
  deadM2Before: z.number(),
  deadM2After: z.number(),
  suggestions: z.array(
    z.object({
      mountId: z.string(),
      x: z.number(),
      y: z.number(),
      direction: z.number(),
      addedM2: z.number(),
      added: regionSchema,
      byArea: z.array(z.object({ areaId: z.string(), addedM2: z.number() })),
    }),
  ),
});
export type PlacementAdviceView = z.infer<typeof adviceSchema>;

export const requiredLevelsSchema = z.object({
  levels: z.array(
    z.object({ kind: areaKindSchema, level: doriLevelSchema, isDefault: z.boolean() }),
  ),
});
export const requiredLevelsUpdate = z.strictObject({
  levels: z
    .array(z.strictObject({ kind: areaKindSchema, level: doriLevelSchema }))
    .min(1)
    .max(20),
});
