import { distance, keypoint, midpoint, type Point } from '../geometry.ts';
import type { Box, KeypointName, Pose } from '../types.ts';
import type { SceneFrame, ScenePerson } from './scene.ts';

/**
 * A body's size in pixels: shoulder-to-hip length times 3.2 (the torso is 29-32% of stature
 * for children and adults), or the box height when the torso is not seen. Speeds and
 * distances in the rules are in statures, so thresholds hold at any distance from the camera.
 */
export function stature(person: ScenePerson): number {
  const shoulders = midpoint(person.pose, 'leftShoulder', 'rightShoulder');
  const hips = midpoint(person.pose, 'leftHip', 'rightHip');
  if (shoulders && hips) return Math.max(1, distance(shoulders, hips) * 3.2);
  return Math.max(1, person.box.height);
}

export function hips(person: ScenePerson): Point | undefined {
  return midpoint(person.pose, 'leftHip', 'rightHip');
}

export function head(person: ScenePerson): Point | undefined {
  return keypoint(person.pose, 'nose') ?? midpoint(person.pose, 'leftEar', 'rightEar');
}

/** Angle of the shoulder-hip line from vertical, degrees (0 upright, 90 horizontal). */
export function torsoTilt(pose: Pose): number | undefined {
  const shoulders = midpoint(pose, 'leftShoulder', 'rightShoulder');
  const hipPoint = midpoint(pose, 'leftHip', 'rightHip');
  if (!shoulders || !hipPoint) return undefined;
  const dx = Math.abs(shoulders.x - hipPoint.x);
  const dy = hipPoint.y - shoulders.y;
  return (Math.atan2(dx, dy) * 180) / Math.PI;
}

/** Box around shoulders and hips, grown by `margin` statures: what counts as the torso. */
export function torsoBox(person: ScenePerson, margin: number): Box | undefined {
  const names: KeypointName[] = ['leftShoulder', 'rightShoulder', 'leftHip', 'rightHip'];
  const points = names.map((n) => keypoint(person.pose, n)).filter((p) => p !== undefined);
  if (points.length < 2) return undefined;
  const grow = margin * stature(person);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs) - grow;
  const y = Math.min(...ys) - grow;
  return { x, y, width: Math.max(...xs) + grow - x, height: Math.max(...ys) + grow - y };
}

export function inBox(point: Point, box: Box): boolean {
  return (
    point.x >= box.x &&
    point.x <= box.x + box.width &&
    point.y >= box.y &&
    point.y <= box.y + box.height
  );
}

/** Where the person stands: between the ankles, or the bottom centre of the box. */
export function footPoint(person: ScenePerson): Point {
  return (
    midpoint(person.pose, 'leftAnkle', 'rightAnkle') ?? {
      x: person.box.x + person.box.width / 2,
      y: person.box.y + person.box.height,
    }
  );
}

export function find(frame: SceneFrame | undefined, trackId: number): ScenePerson | undefined {
  return frame?.people.find((p) => p.trackId === trackId);
}

/** The frame closest to `ms` before the last one (at least one frame back), if any. */
export function frameBefore(frames: readonly SceneFrame[], ms: number): SceneFrame | undefined {
  const last = frames.at(-1);
  if (!last) return undefined;
  let chosen: SceneFrame | undefined;
  for (let i = frames.length - 2; i >= 0; i--) {
    chosen = frames[i];
    if (last.timestampMs - frames[i]!.timestampMs >= ms) break;
  }
  return chosen;
}

export const LIMBS = ['leftWrist', 'rightWrist', 'leftAnkle', 'rightAnkle'] as const;
export const HANDS = ['leftWrist', 'rightWrist'] as const;

/** Whether an adult's hand touches the child's torso or hands (within `reach` statures). */
export function touches(adult: ScenePerson, child: ScenePerson, reach: number): boolean {
  const torso = torsoBox(child, 0.05);
  const childHands = HANDS.map((h) => keypoint(child.pose, h)).filter((p) => p !== undefined);
  return HANDS.some((h) => {
    const hand = keypoint(adult.pose, h);
    if (!hand) return false;
    if (torso && inBox(hand, torso)) return true;
    return childHands.some((c) => distance(hand, c) <= reach * stature(adult));
  });
}
