import { effectiveRange } from './dori.ts';
import { GeometryError, issue, type GeometryIssue } from './errors.ts';
import { insideOutline, solidAt, type PreparedFloor } from './floor.ts';
import { ringBounds, type Bounds } from './polygon.ts';
import { circleBounds, type Segment } from './segment-grid.ts';
import type { Camera, DoriLevel, Point } from './types.ts';
import { DEFAULT_ARC_TOLERANCE, sectorRing, type Sector } from './view-ring.ts';
import { visibilityPieces, type VisibilityPiece } from './visibility.ts';
import { normalizeAngle, segmentDistanceSq, toRadians } from './vec.ts';

/** A camera placed on a prepared floor, with its sweep done once for every range asked of it. */
export interface CameraView {
  readonly camera: Camera;
  /** The position used for sight lines (see `placeOrigin`). */
  readonly origin: Point;
  readonly pieces: readonly VisibilityPiece[];
  /** The occluders within the camera's range, for sight-line tests. */
  readonly nearby: readonly Segment[];
}

/** A camera closer than this to an occluder is taken to be mounted on it. */
const ON_SURFACE = 1e-7;
const NUDGE = 1e-6;

export function validateCamera(camera: Camera): GeometryIssue[] {
  const id = camera.id;
  const problems: GeometryIssue[] = [];
  if (!Number.isFinite(camera.position.x) || !Number.isFinite(camera.position.y)) {
    problems.push(issue('CAMERA_BAD_POSITION', id, `camera ${id} has a non-finite position`));
  }
  if (!Number.isFinite(camera.direction)) {
    problems.push(issue('CAMERA_BAD_FOV', id, `camera ${id} has a non-finite direction`));
  }
  problems.push(...validateFov(camera));
  if (!(camera.range > 0) || !Number.isFinite(camera.range)) {
    const message = `camera ${id} has range ${camera.range} m; it must be a positive number`;
    problems.push(issue('CAMERA_BAD_RANGE', id, message));
  }
  if (!(camera.resolutionX > 0) || !Number.isFinite(camera.resolutionX)) {
    const message = `camera ${id} has horizontal resolution ${camera.resolutionX}; it must be positive`;
    problems.push(issue('CAMERA_BAD_RESOLUTION', id, message));
  }
  const h = camera.mountHeight;
  if (h !== undefined && (!(h > 0) || !Number.isFinite(h))) {
    problems.push(issue('CAMERA_BAD_POSITION', id, `camera ${id} has mount height ${h} m`));
  }
  return problems;
}

// LIMITATION: a fixed camera is a rectilinear lens (under 180°) and a fisheye a 360° ceiling
// lens; a 180° panoramic camera has to be entered as two fixed cameras.
function validateFov(camera: Camera): GeometryIssue[] {
  const { id, fov } = camera;
  if (camera.type === 'fisheye') {
    if (fov === 360) return [];
    return [
      issue(
        'CAMERA_BAD_FOV',
        id,
        `fisheye camera ${id} must have a 360° field of view, not ${fov}°`,
      ),
    ];
  }
  if (fov > 0 && fov < 180) return [];
  const message = `camera ${id} has a field of view of ${fov}°; a fixed lens sees more than 0° and less than 180°`;
  return [issue('CAMERA_BAD_FOV', id, message)];
}

export function prepareCameraView(floor: PreparedFloor, camera: Camera): CameraView {
  const problems = validateCamera(camera);
  if (problems.length > 0) throw new GeometryError(problems);

  return placeView(floor, camera);
}

/** The sweep for a camera whose numbers are already known to be sound. */
export function placeView(floor: PreparedFloor, camera: Camera): CameraView {
  const origin = placeOrigin(floor, camera);
  const nearby = floor.grid
    .query(circleBounds(origin, camera.range))
    .filter((s) => segmentDistanceSq(origin, s.a, s.b) <= camera.range * camera.range);
  const window = camera.type === 'fisheye' ? undefined : cameraSector(camera, camera.range);
  return { camera, origin, pieces: visibilityPieces(origin, nearby, window), nearby };
}

/**
 * A camera drawn exactly on a wall face or on the outline sits on an occluder, where sight
 * lines are undefined; it is moved 1 µm into free space, towards where it looks if possible.
 * LIMITATION: a camera drawn inside a wall's thickness is refused rather than snapped to the
 * nearer face; the caller must place it on or in front of the face. At a corner where two
 * solids meet, the way it is moved depends on the solids there, so adding a wall at that corner
 * can move the camera by 2 µm and change what it sees.
 */
function placeOrigin(floor: PreparedFloor, camera: Camera): Point {
  const p = camera.position;
  const candidates = onSurface(floor, p) ? nudges(p, toRadians(camera.direction)) : [p];
  const free = candidates.find(
    (q) => insideOutline(floor, q) && !solidAt(floor, q) && !onSurface(floor, q),
  );
  if (free) return free;

  if (!insideOutline(floor, p)) {
    const message = `camera ${camera.id} at (${p.x}, ${p.y}) is outside the floor plan ${floor.plan.id}`;
    throw new GeometryError([issue('CAMERA_OUTSIDE_PLAN', camera.id, message)]);
  }
  const owner = solidAt(floor, p)?.ownerId ?? 'an occluder';
  const message = `camera ${camera.id} at (${p.x}, ${p.y}) is inside ${owner}; place it in front of the surface`;
  throw new GeometryError([issue('CAMERA_INSIDE_SOLID', camera.id, message)]);
}

function onSurface(floor: PreparedFloor, p: Point): boolean {
  return floor.grid
    .query(circleBounds(p, ON_SURFACE))
    .some((s) => segmentDistanceSq(p, s.a, s.b) <= ON_SURFACE * ON_SURFACE);
}

function nudges(p: Point, direction: number): Point[] {
  const angles = [0, 1, -1, 2, -2, 3, -3, 4].map((k) => direction + (k * Math.PI) / 4);
  return angles.map((a) => ({ x: p.x + NUDGE * Math.cos(a), y: p.y + NUDGE * Math.sin(a) }));
}

export function cameraSector(camera: Camera, range: number): Sector {
  if (camera.type === 'fisheye' || camera.fov >= 360)
    return { start: -Math.PI, span: 2 * Math.PI, range };
  const span = toRadians(camera.fov);
  return { start: normalizeAngle(toRadians(camera.direction) - span / 2), span, range };
}

/** The ring the camera sees within the given range (its own range when omitted). */
export function viewRing(
  view: CameraView,
  range = view.camera.range,
  arcTolerance = DEFAULT_ARC_TOLERANCE,
): Point[] {
  const r = Math.min(range, view.camera.range);
  return sectorRing(view.origin, view.pieces, cameraSector(view.camera, r), arcTolerance);
}

const ringCache = new WeakMap<CameraView, Map<string, LevelRing>>();

export interface LevelRing {
  readonly ring: readonly Point[];
  readonly bounds: Bounds;
}

/** The ring the camera sees at or above the level, computed once per view and level. */
export function viewRingAtLevel(
  view: CameraView,
  level: DoriLevel,
  arcTolerance = DEFAULT_ARC_TOLERANCE,
): LevelRing {
  const cache = ringCache.get(view) ?? new Map<string, LevelRing>();
  ringCache.set(view, cache);
  const key = `${level}:${arcTolerance}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const ring = viewRing(view, effectiveRange(view.camera, level), arcTolerance);
  const entry = { ring, bounds: ringBounds(ring) };
  cache.set(key, entry);
  return entry;
}
