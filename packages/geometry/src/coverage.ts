import { prepareCameraView, viewRing, viewRingAtLevel, type CameraView } from './camera-view.ts';
import {
  difference,
  intersection,
  ringToShape,
  shapeArea,
  shapeToRegion,
  union,
  type Shape,
} from './clip.ts';
import { effectiveRange } from './dori.ts';
import { issue, throwIfIssues, type GeometryIssue } from './errors.ts';
import { asPreparedFloor, type PreparedArea, type PreparedFloor } from './floor.ts';
import { boundsOverlap, ringsOverlap } from './polygon.ts';
import type { Bounds } from './polygon.ts';
import type { Camera, DoriLevel, FloorPlan, Point, Region } from './types.ts';
import { DEFAULT_ARC_TOLERANCE } from './view-ring.ts';
import { circleBounds } from './segment-grid.ts';

export interface CoverageOptions {
  /** Dead zones smaller than this (m²) are slivers and are not reported. Default 0.25. */
  readonly minDeadZoneM2?: number;
  /** Overlap with a never-filmed area below this (m²) is numerical noise. Default 0.01. */
  readonly privacyToleranceM2?: number;
  /** Largest gap between a range arc and its chords, in metres. Default 0.01. */
  readonly arcTolerance?: number;
}

export interface DeadZone {
  readonly areaId: string;
  readonly polygon: Region;
  readonly areaM2: number;
}

export interface AreaCoverage {
  readonly areaId: string;
  readonly requiredLevel: DoriLevel;
  /** Free floor of the area (walls and obstacles removed), in m². */
  readonly areaM2: number;
  readonly coveredM2: number;
  /** coveredM2 / areaM2, 1 for an area with no free floor. */
  readonly coveredShare: number;
  readonly covered: Region;
  readonly deadZones: readonly DeadZone[];
  /** Cameras that see some of the area at the required level. */
  readonly cameraIds: readonly string[];
}

export interface PrivacyViolation {
  readonly cameraId: string;
  readonly areaId: string;
  readonly overlapM2: number;
  readonly overlap: Region;
}

export interface FloorCoverage {
  readonly floorId: string;
  /** Areas that must be covered; never-filmed areas are left out. */
  readonly areas: readonly AreaCoverage[];
  readonly requiredM2: number;
  readonly coveredM2: number;
  readonly coveredShare: number;
  readonly deadZoneM2: number;
  readonly privacyViolations: readonly PrivacyViolation[];
}

const DEFAULTS = {
  minDeadZoneM2: 0.25,
  privacyToleranceM2: 0.01,
  arcTolerance: DEFAULT_ARC_TOLERANCE,
};

export function resolveOptions(options: CoverageOptions = {}): Required<CoverageOptions> {
  return { ...DEFAULTS, ...options };
}

/** Coverage of every area of the floor by the cameras, with dead zones and privacy violations. */
export function computeFloorCoverage(
  plan: FloorPlan | PreparedFloor,
  cameras: readonly Camera[],
  options: CoverageOptions = {},
): FloorCoverage {
  const floor = asPreparedFloor(plan);
  throwIfIssues(duplicateCameraIds(cameras));
  const views = cameras.map((c) => prepareCameraView(floor, c));
  return coverageOfViews(floor, views, options);
}

export function coverageOfViews(
  floor: PreparedFloor,
  views: readonly CameraView[],
  options: CoverageOptions = {},
): FloorCoverage {
  const opts = resolveOptions(options);
  const required = floor.areas.filter((a) => !a.area.neverFilmed);
  const areas = required.map((a) => areaCoverage(a, views, opts));
  const requiredM2 = sum(areas.map((a) => a.areaM2));
  const coveredM2 = sum(areas.map((a) => a.coveredM2));
  return {
    floorId: floor.plan.id,
    areas,
    requiredM2,
    coveredM2,
    coveredShare: requiredM2 > 0 ? coveredM2 / requiredM2 : 1,
    deadZoneM2: sum(areas.flatMap((a) => a.deadZones.map((z) => z.areaM2))),
    privacyViolations: privacyViolations(floor, views, opts),
  };
}

function areaCoverage(
  prepared: PreparedArea,
  views: readonly CameraView[],
  opts: Required<CoverageOptions>,
): AreaCoverage {
  const { area, free, freeM2 } = prepared;
  const seen = seenBy(prepared, views, opts.arcTolerance);
  const covered = intersection(union(seen.map((s) => ringToShape(s.ring))), prepared.shape);
  const coveredM2 = shapeArea(covered);
  return {
    areaId: area.id,
    requiredLevel: area.requiredLevel,
    areaM2: freeM2,
    coveredM2,
    coveredShare: freeM2 > 0 ? coveredM2 / freeM2 : 1,
    covered: shapeToRegion(covered),
    deadZones: deadZones(area.id, difference(free, [covered]), opts.minDeadZoneM2),
    cameraIds: seen.map((s) => s.cameraId),
  };
}

/**
 * The rings of the cameras that see into the area at its level. Sight stops at wall faces, so
 * a ring never enters a solid and intersecting with the plain area polygon is enough.
 */
function seenBy(
  prepared: PreparedArea,
  views: readonly CameraView[],
  arcTolerance: number,
): { cameraId: string; ring: readonly Point[] }[] {
  const level = prepared.area.requiredLevel;
  return viewsReaching(views, level, prepared.bounds).flatMap((view) => {
    const { ring, bounds } = viewRingAtLevel(view, level, arcTolerance);
    if (!boundsOverlap(bounds, prepared.bounds) || !ringsOverlap(ring, prepared.area.polygon))
      return [];
    return [{ cameraId: view.camera.id, ring }];
  });
}

/** The views whose range at the level reaches the box at all. */
export function viewsReaching(
  views: readonly CameraView[],
  level: DoriLevel,
  box: Bounds,
): CameraView[] {
  return views.filter((v) => {
    const r = effectiveRange(v.camera, level);
    return r > 0 && boundsOverlap(circleBounds(v.origin, r), box);
  });
}

export function deadZones(areaId: string, dead: Shape, minM2: number): DeadZone[] {
  return dead
    .map((poly) => ({ poly, m2: shapeArea([poly]) }))
    .filter(({ m2 }) => m2 >= minM2)
    .map(({ poly, m2 }) => ({ areaId, polygon: shapeToRegion([poly]), areaM2: m2 }));
}

function privacyViolations(
  floor: PreparedFloor,
  views: readonly CameraView[],
  opts: Required<CoverageOptions>,
): PrivacyViolation[] {
  const privateAreas = floor.areas.filter((a) => a.area.neverFilmed);
  return privateAreas.flatMap((a) =>
    views.flatMap((view) => {
      const overlap = privateOverlap(view, a, opts.arcTolerance);
      const overlapM2 = shapeArea(overlap);
      if (overlapM2 < opts.privacyToleranceM2) return [];
      return [
        { cameraId: view.camera.id, areaId: a.area.id, overlapM2, overlap: shapeToRegion(overlap) },
      ];
    }),
  );
}

/** What the camera sees of a never-filmed area at any detail, out to its full range. */
export function privateOverlap(view: CameraView, area: PreparedArea, arcTolerance: number): Shape {
  if (!boundsOverlap(circleBounds(view.origin, view.camera.range), area.bounds)) return [];
  const ring = viewRing(view, view.camera.range, arcTolerance);
  if (!ringsOverlap(ring, area.area.polygon)) return [];
  return intersection(ringToShape(ring), area.shape);
}

function duplicateCameraIds(cameras: readonly Camera[]): GeometryIssue[] {
  const seen = new Set<string>();
  return cameras.flatMap((c) => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      return [];
    }
    return [issue('DUPLICATE_ID', c.id, `camera id ${c.id} is used more than once`)];
  });
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
