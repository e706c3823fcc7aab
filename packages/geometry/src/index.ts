export type {
  Area,
  Camera,
  CameraType,
  DoriLevel,
  FloorPlan,
  Obstacle,
  ObstacleKind,
  Opening,
  OpeningKind,
  Point,
  PolygonWithHoles,
  Region,
  Ring,
  Wall,
} from './types.ts';
export { GeometryError, type GeometryErrorCode, type GeometryIssue } from './errors.ts';
export { ringArea, signedArea, pointInRing, validateRing } from './polygon.ts';
export {
  regionArea,
  regionContains,
  unionRegions,
  intersectRegions,
  subtractRegions,
} from './regions.ts';
export { wallRectangles } from './walls.ts';
export { prepareFloor, validateFloorPlan, type PreparedFloor, type PreparedArea } from './floor.ts';
export {
  DORI_LEVELS,
  DORI_PIXELS_PER_METRE,
  DEFAULT_FISHEYE_MOUNT_HEIGHT,
  doriBands,
  doriDistance,
  doriLevelAt,
  effectiveRange,
  horizontalFovFromLens,
  pixelsPerMetre,
  type DoriBand,
  type LensSpec,
} from './dori.ts';
export { doriBandPolygons, fieldOfViewPolygon, type DoriBandPolygon } from './dori-bands.ts';
export {
  prepareCameraView,
  validateCamera,
  viewRing,
  viewRingAtLevel,
  type CameraView,
} from './camera-view.ts';
export { visibilityPolygon, type VisibilityOptions } from './visibility-polygon.ts';
export {
  computeFloorCoverage,
  coverageOfViews,
  type AreaCoverage,
  type CoverageOptions,
  type DeadZone,
  type FloorCoverage,
  type PrivacyViolation,
} from './coverage.ts';
export {
  wallCandidates,
  type CameraTemplate,
  type CandidateOptions,
  type PlacementCandidate,
} from './candidates.ts';
export {
  adviseCameras,
  type PlacementAdvice,
  type PlacementSuggestion,
  type AdviceOptions,
} from './placement.ts';
export { rasterCoverage, type RasterCoverage, type RasterOptions } from './raster.ts';
