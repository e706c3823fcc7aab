import type {
  AreaCoverageView,
  DoriLevelName,
  FloorCoverageView,
  PlacementAdviceView,
  PlanArea,
  PlanRegion,
  adviceQuery,
} from '@gardenwatch/contracts';
import {
  DORI_LEVELS,
  GeometryError,
  adviseCameras,
  coverageOfViews,
  prepareCameraView,
  prepareFloor,
  viewRing,
  viewRingAtLevel,
  wallCandidates,
  type CameraView,
  type FloorCoverage,
  type PreparedFloor,
  type Region,
} from '@gardenwatch/geometry';
import type { z } from 'zod';
import type { LoadedPlan } from './floor-plans.service.ts';
import { toFloorPlan, toGeometryCamera } from './plan-geometry.ts';

export type AdviceQuery = z.output<typeof adviceQuery>;

interface Placed {
  floor: PreparedFloor;
  views: CameraView[];
  cameraErrors: FloorCoverageView['cameraErrors'];
}

/** Prepares the plan once and places every camera on it; refused cameras are reported. */
export function placeCameras(loaded: LoadedPlan): Placed | null {
  if (!loaded.stored) return null;
  const floor = prepareFloor(toFloorPlan(loaded.place.floorId, loaded.stored, loaded.areas));
  const views: CameraView[] = [];
  const cameraErrors: Placed['cameraErrors'] = [];
  for (const camera of loaded.cameras) {
    try {
      views.push(prepareCameraView(floor, toGeometryCamera(camera)));
    } catch (error) {
      if (!(error instanceof GeometryError)) throw error;
      cameraErrors.push({ cameraId: camera.id, code: error.code, message: error.message });
    }
  }
  return { floor, views, cameraErrors };
}

const cache = new Map<string, FloorCoverageView>();
const CACHE_ENTRIES = 500;

/**
 * What the analysis depends on: the plan's version, each camera's last change and each area's
 * kind, flags and required level. Equal fingerprints give equal answers.
 */
function fingerprint(loaded: LoadedPlan): string {
  return JSON.stringify([
    loaded.place.floorId,
    loaded.row?.version,
    loaded.row?.min_dead_zone_m2,
    loaded.cameras.map((c) => [c.id, c.updatedAt]),
    loaded.areas.map((a) => [a.id, a.kind, a.isKey, a.requiredLevel]),
  ]);
}

/** `analyseFloor`, remembered for the last few hundred floors (reports read many at once). */
export function analyseFloorCached(loaded: LoadedPlan): FloorCoverageView | null {
  const key = fingerprint(loaded);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = analyseFloor(loaded);
  if (!result) return null;
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/**
 * Coverage of a floor at each area's required level, and for every area the highest DORI level
 * at which it has no dead zone. The per-level runs reuse the prepared floor and camera sweeps.
 */
export function analyseFloor(loaded: LoadedPlan): FloorCoverageView | null {
  const placed = placeCameras(loaded);
  if (!placed) return null;
  const { floor, views } = placed;
  const minDeadZoneM2 = loaded.row?.min_dead_zone_m2 ?? 0.25;
  const required = coverageOfViews(floor, views, { minDeadZoneM2 });
  const perLevel = DORI_LEVELS.map((level) => ({
    level,
    coverage: coverageOfViews(atLevel(floor, level), views, {
      minDeadZoneM2,
      privacyToleranceM2: Infinity,
    }),
  }));
  const areas = required.areas.flatMap((a) => {
    const area = loaded.areas.find((x) => x.id === a.areaId);
    return area ? [areaView(area, a, perLevel)] : [];
  });
  const key = areas.filter((a) => a.isKey);
  return {
    floorId: loaded.place.floorId,
    requiredM2: required.requiredM2,
    coveredM2: required.coveredM2,
    coveredShare: required.coveredShare,
    keyRequiredM2: sum(key.map((a) => a.areaM2)),
    keyCoveredM2: sum(key.map((a) => a.coveredM2)),
    deadZoneM2: required.deadZoneM2,
    minDeadZoneM2,
    areas,
    deadZones: required.areas.flatMap((a) =>
      a.deadZones.map((z) => ({
        areaId: z.areaId,
        areaM2: z.areaM2,
        polygon: toRegion(z.polygon),
      })),
    ),
    violations: required.privacyViolations.map((v) => ({
      cameraId: v.cameraId,
      areaId: v.areaId,
      overlapM2: v.overlapM2,
      polygon: toRegion(v.overlap),
    })),
    sights: views.map(sightOf),
    cameraErrors: placed.cameraErrors,
  };
}

/** The same floor with every area asked to be seen at one level. */
function atLevel(floor: PreparedFloor, level: DoriLevelName): PreparedFloor {
  return {
    ...floor,
    areas: floor.areas.map((a) => ({ ...a, area: { ...a.area, requiredLevel: level } })),
  };
}

type LevelRun = { level: DoriLevelName; coverage: FloorCoverage };

function areaView(
  area: PlanArea,
  cov: FloorCoverage['areas'][number],
  perLevel: LevelRun[],
): AreaCoverageView {
  const atEach = perLevel.map(({ level, coverage }) => ({
    level,
    found: coverage.areas.find((x) => x.areaId === area.id),
  }));
  const share = (level: DoriLevelName) =>
    atEach.find((x) => x.level === level)?.found?.coveredShare ?? 0;
  const reached = atEach.filter((x) => x.found && x.found.deadZones.length === 0).at(-1);
  return {
    areaId: area.id,
    name: area.name,
    kind: area.kind,
    isKey: area.isKey,
    requiredLevel: area.requiredLevel,
    reachedLevel: reached?.level ?? null,
    areaM2: cov.areaM2,
    coveredM2: cov.coveredM2,
    coveredShare: cov.coveredShare,
    shareByLevel: {
      detect: share('detect'),
      observe: share('observe'),
      recognise: share('recognise'),
      identify: share('identify'),
    },
    cameraIds: [...cov.cameraIds],
  };
}

function sightOf(view: CameraView): FloorCoverageView['sights'][number] {
  return {
    cameraId: view.camera.id,
    visible: viewRing(view),
    bands: DORI_LEVELS.map((level) => ({ level, ring: [...viewRingAtLevel(view, level).ring] })),
  };
}

/** Greedy placement advice over candidate positions on the floor's walls and outline. */
export function adviseFloor(loaded: LoadedPlan, query: AdviceQuery): PlacementAdviceView | null {
  const placed = placeCameras(loaded);
  if (!placed) return null;
  const { floor, views } = placed;
  const template = {
    type: 'fixed' as const,
    fov: query.fov,
    range: query.range,
    resolutionX: query.resolutionX,
    mountHeight: 3,
  };
  const candidates = wallCandidates(floor, { template, spacing: query.spacing });
  const advice = adviseCameras(
    floor,
    views.map((v) => v.camera),
    candidates,
    { count: query.count, minDeadZoneM2: loaded.row?.min_dead_zone_m2 ?? 0.25 },
  );
  return {
    floorId: loaded.place.floorId,
    candidates: candidates.length,
    deadM2Before: advice.deadM2Before,
    deadM2After: advice.deadM2After,
    suggestions: advice.suggestions.map((s) => ({
      mountId: s.candidate.mountId,
      x: s.candidate.camera.position.x,
      y: s.candidate.camera.position.y,
      direction: s.candidate.camera.direction,
      addedM2: s.addedM2,
      added: toRegion(s.added),
      byArea: s.byArea.map((b) => ({ ...b })),
    })),
  };
}

function toRegion(region: Region): PlanRegion {
  return region.map((p) => ({ outer: [...p.outer], holes: p.holes.map((h) => [...h]) }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
