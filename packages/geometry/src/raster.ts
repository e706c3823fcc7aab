import { prepareCameraView, type CameraView } from './camera-view.ts';
import { effectiveRange } from './dori.ts';
import {
  asPreparedFloor,
  insideOutline,
  solidAt,
  type PreparedArea,
  type PreparedFloor,
} from './floor.ts';
import { pointInRing } from './polygon.ts';
import type { Camera, FloorPlan, Point } from './types.ts';
import { normalizeAngle, segmentsIntersect, toRadians } from './vec.ts';

export interface RasterOptions {
  /** Spacing of the sample grid in metres. Default 0.1. */
  readonly cellSize?: number;
}

export interface RasterAreaCoverage {
  readonly areaId: string;
  readonly samples: number;
  readonly coveredSamples: number;
  readonly areaM2: number;
  readonly coveredM2: number;
  readonly coveredShare: number;
}

export interface RasterCoverage {
  readonly cellSize: number;
  readonly areas: readonly RasterAreaCoverage[];
  readonly requiredM2: number;
  readonly coveredM2: number;
  readonly coveredShare: number;
}

/**
 * The brute-force reference: a grid of sample points over each area's free floor, each tested
 * against every camera by distance, field-of-view angle and a sight line checked against
 * every occluder in range. It shares no code with the sweep or the clipping, so the two
 * answers check each other; its error is about one cell along every boundary.
 */
export function rasterCoverage(
  plan: FloorPlan | PreparedFloor,
  cameras: readonly Camera[],
  options: RasterOptions = {},
): RasterCoverage {
  const floor = asPreparedFloor(plan);
  const cell = options.cellSize ?? 0.1;
  const views = cameras.map((c) => prepareCameraView(floor, c));
  const areas = floor.areas
    .filter((a) => !a.area.neverFilmed)
    .map((a) => rasterArea(floor, a, views, cell));
  const requiredM2 = areas.reduce((s, a) => s + a.areaM2, 0);
  const coveredM2 = areas.reduce((s, a) => s + a.coveredM2, 0);
  return {
    cellSize: cell,
    areas,
    requiredM2,
    coveredM2,
    coveredShare: requiredM2 > 0 ? coveredM2 / requiredM2 : 1,
  };
}

function rasterArea(
  floor: PreparedFloor,
  prepared: PreparedArea,
  views: readonly CameraView[],
  cell: number,
): RasterAreaCoverage {
  const { area, bounds } = prepared;
  let samples = 0;
  let coveredSamples = 0;
  for (let i = Math.floor(bounds.minX / cell); (i + 0.5) * cell <= bounds.maxX; i++) {
    for (let j = Math.floor(bounds.minY / cell); (j + 0.5) * cell <= bounds.maxY; j++) {
      const p = { x: (i + 0.5) * cell, y: (j + 0.5) * cell };
      if (!pointInRing(p, area.polygon) || !insideOutline(floor, p) || solidAt(floor, p)) continue;
      samples += 1;
      if (views.some((v) => sees(v, p, effectiveRange(v.camera, area.requiredLevel))))
        coveredSamples += 1;
    }
  }
  const cellM2 = cell * cell;
  return {
    areaId: area.id,
    samples,
    coveredSamples,
    areaM2: samples * cellM2,
    coveredM2: coveredSamples * cellM2,
    coveredShare: samples > 0 ? coveredSamples / samples : 1,
  };
}

function sees(view: CameraView, p: Point, range: number): boolean {
  const { origin, camera } = view;
  const dx = p.x - origin.x;
  const dy = p.y - origin.y;
  if (dx * dx + dy * dy > range * range) return false;
  if (camera.type !== 'fisheye') {
    const off = normalizeAngle(Math.atan2(dy, dx) - toRadians(camera.direction));
    if (Math.abs(off) > toRadians(camera.fov) / 2) return false;
  }
  return !view.nearby.some((s) => segmentsIntersect(origin, p, s.a, s.b));
}
