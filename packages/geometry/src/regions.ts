import {
  difference,
  intersection,
  regionToShape,
  shapeArea,
  shapeToRegion,
  union,
} from './clip.ts';
import { pointInRing } from './polygon.ts';
import type { Point, Region } from './types.ts';

/** Area of a region in m² (holes subtracted). */
export function regionArea(region: Region): number {
  return shapeArea(regionToShape(region));
}

export function regionContains(region: Region, p: Point): boolean {
  return region.some(
    (poly) => pointInRing(p, poly.outer) && !poly.holes.some((h) => pointInRing(p, h)),
  );
}

export function unionRegions(regions: readonly Region[]): Region {
  return shapeToRegion(union(regions.map(regionToShape)));
}

export function intersectRegions(a: Region, b: Region): Region {
  return shapeToRegion(intersection(regionToShape(a), regionToShape(b)));
}

export function subtractRegions(subject: Region, clips: readonly Region[]): Region {
  return shapeToRegion(difference(regionToShape(subject), clips.map(regionToShape)));
}
