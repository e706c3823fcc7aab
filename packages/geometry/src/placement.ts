import type { PlacementCandidate } from './candidates.ts';
import { placeView, prepareCameraView, viewRingAtLevel, type CameraView } from './camera-view.ts';
import {
  difference,
  intersection,
  regionToShape,
  ringToShape,
  shapeArea,
  shapeBounds,
  shapeToRegion,
  union,
  type Shape,
} from './clip.ts';
import {
  coverageOfViews,
  privateOverlap,
  resolveOptions,
  viewsReaching,
  type CoverageOptions,
} from './coverage.ts';
import { GeometryError } from './errors.ts';
import { asPreparedFloor, type PreparedArea, type PreparedFloor } from './floor.ts';
import { boundsOverlap, type Bounds } from './polygon.ts';
import type { Camera, FloorPlan, Region } from './types.ts';
import { validateCamera } from './camera-view.ts';

export interface AdviceOptions extends CoverageOptions {
  /** How many cameras to suggest at most. */
  readonly count: number;
  /** A suggestion must add at least this much (m²). Default: the dead-zone minimum. */
  readonly minGainM2?: number;
}

export interface PlacementSuggestion {
  readonly candidate: PlacementCandidate;
  /** Dead-zone area this camera would cover beyond the cameras before it, in m². */
  readonly addedM2: number;
  readonly added: Region;
  readonly byArea: readonly { readonly areaId: string; readonly addedM2: number }[];
}

export interface ExcludedCandidate {
  readonly candidateId: string;
  readonly reason: 'privacy' | 'invalid';
  readonly detail: string;
}

export interface PlacementAdvice {
  readonly deadM2Before: number;
  readonly deadM2After: number;
  readonly suggestions: readonly PlacementSuggestion[];
  readonly excluded: readonly ExcludedCandidate[];
}

interface Target {
  readonly prepared: PreparedArea;
  dead: Shape;
  deadBounds: Bounds;
}

interface Scored {
  readonly candidate: PlacementCandidate;
  readonly view: CameraView;
  stale: number;
}

/**
 * Greedy maximum coverage over the dead zones: repeatedly take the candidate that covers the
 * most remaining dead-zone area at each area's required level. Covered area is submodular, so
 * a candidate's gain only shrinks as others are chosen; gains are recomputed lazily, only for
 * the candidate at the top. The greedy choice is within 1 − 1/e of the best set of that size.
 */
export function adviseCameras(
  plan: FloorPlan | PreparedFloor,
  cameras: readonly Camera[],
  candidates: readonly PlacementCandidate[],
  options: AdviceOptions,
): PlacementAdvice {
  const floor = asPreparedFloor(plan);
  const opts = resolveOptions(options);
  const coverage = coverageOfViews(
    floor,
    cameras.map((c) => prepareCameraView(floor, c)),
    { ...opts, privacyToleranceM2: Infinity },
  );
  const targets: Target[] = floor.areas
    .filter((a) => !a.area.neverFilmed)
    .map((prepared) => {
      const zones = coverage.areas.find((c) => c.areaId === prepared.area.id)?.deadZones ?? [];
      const dead = union(zones.map((z) => regionToShape(z.polygon)));
      return { prepared, dead, deadBounds: shapeBounds(dead) };
    });
  const deadM2Before = sumDead(targets);

  const { scored, excluded } = scoreCandidates(
    floor,
    candidates,
    targets,
    opts.arcTolerance,
    opts.privacyToleranceM2,
  );
  const minGain = options.minGainM2 ?? opts.minDeadZoneM2;
  const suggestions: PlacementSuggestion[] = [];
  while (suggestions.length < options.count) {
    const best = popBest(scored, targets, opts.arcTolerance);
    if (!best || best.m2 < minGain) break;
    suggestions.push(accept(best, targets, opts.minDeadZoneM2));
  }
  return { deadM2Before, deadM2After: sumDead(targets), suggestions, excluded };
}

function scoreCandidates(
  floor: PreparedFloor,
  candidates: readonly PlacementCandidate[],
  targets: readonly Target[],
  arcTolerance: number,
  privacyToleranceM2: number,
): { scored: Scored[]; excluded: ExcludedCandidate[] } {
  const scored: Scored[] = [];
  const excluded: ExcludedCandidate[] = [];
  const privateAreas = floor.areas.filter((a) => a.area.neverFilmed);
  for (const candidate of candidates) {
    const view = tryView(floor, candidate, excluded);
    if (!view) continue;
    const peeking = privateAreas.find(
      (a) => shapeArea(privateOverlap(view, a, arcTolerance)) >= privacyToleranceM2,
    );
    if (peeking) {
      excluded.push({
        candidateId: candidate.id,
        reason: 'privacy',
        detail: `would see into ${peeking.area.id}`,
      });
      continue;
    }
    scored.push({ candidate, view, stale: gain(view, targets, arcTolerance).m2 });
  }
  return { scored, excluded };
}

function tryView(
  floor: PreparedFloor,
  candidate: PlacementCandidate,
  excluded: ExcludedCandidate[],
): CameraView | null {
  const problems = validateCamera(candidate.camera);
  try {
    if (problems.length > 0) throw new GeometryError(problems);
    return placeView(floor, candidate.camera);
  } catch (error) {
    if (!(error instanceof GeometryError)) throw error;
    excluded.push({ candidateId: candidate.id, reason: 'invalid', detail: error.message });
    return null;
  }
}

interface Gain {
  readonly m2: number;
  readonly parts: readonly {
    readonly target: Target;
    readonly shape: Shape;
    readonly m2: number;
  }[];
}

function gain(view: CameraView, targets: readonly Target[], arcTolerance: number): Gain {
  const parts = targets.flatMap((target) => {
    const { area, bounds } = target.prepared;
    if (target.dead.length === 0 || viewsReaching([view], area.requiredLevel, bounds).length === 0)
      return [];
    const { ring, bounds: ringBox } = viewRingAtLevel(view, area.requiredLevel, arcTolerance);
    if (!boundsOverlap(ringBox, target.deadBounds)) return [];
    const shape = intersection(ringToShape(ring), target.dead);
    const m2 = shapeArea(shape);
    return m2 > 0 ? [{ target, shape, m2 }] : [];
  });
  return { m2: parts.reduce((s, p) => s + p.m2, 0), parts };
}

/** Lazy greedy step: refresh the top candidate's gain until the top is fresh. */
function popBest(
  scored: Scored[],
  targets: readonly Target[],
  arcTolerance: number,
): (Gain & { candidate: PlacementCandidate }) | null {
  for (;;) {
    scored.sort((p, q) => q.stale - p.stale);
    const top = scored[0];
    if (!top) return null;
    const fresh = gain(top.view, targets, arcTolerance);
    const next = scored[1]?.stale ?? -Infinity;
    if (fresh.m2 >= next - 1e-9) {
      scored.shift();
      return { ...fresh, candidate: top.candidate };
    }
    top.stale = fresh.m2;
  }
}

function accept(
  best: Gain & { candidate: PlacementCandidate },
  targets: readonly Target[],
  minM2: number,
): PlacementSuggestion {
  for (const part of best.parts) {
    const rest = difference(part.target.dead, [part.shape]);
    part.target.dead = rest.filter((poly) => shapeArea([poly]) >= minM2);
    part.target.deadBounds = shapeBounds(part.target.dead);
  }
  return {
    candidate: best.candidate,
    addedM2: best.m2,
    added: shapeToRegion(union(best.parts.map((p) => p.shape))),
    byArea: best.parts.map((p) => ({ areaId: p.target.prepared.area.id, addedM2: p.m2 })),
  };
}

function sumDead(targets: readonly Target[]): number {
  return targets.reduce((s, t) => s + shapeArea(t.dead), 0);
}
