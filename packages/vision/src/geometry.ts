import type { Box, Keypoint, KeypointName, Pose } from './types.ts';
import { KEYPOINT_NAMES } from './types.ts';

/** Keypoints under this score are treated as not seen. */
export const MIN_KEYPOINT_SCORE = 0.3;

const INDEX = Object.fromEntries(KEYPOINT_NAMES.map((name, i) => [name, i])) as Record<
  KeypointName,
  number
>;

export interface Point {
  x: number;
  y: number;
}

export function keypoint(
  pose: Pose,
  name: KeypointName,
  minScore = MIN_KEYPOINT_SCORE,
): Keypoint | undefined {
  const point = pose[INDEX[name]];
  return point && point.score >= minScore ? point : undefined;
}

/** Midpoint of a left/right pair, or the one side that is seen. */
export function midpoint(pose: Pose, left: KeypointName, right: KeypointName): Point | undefined {
  const a = keypoint(pose, left);
  const b = keypoint(pose, right);
  if (a && b) return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  return a ?? b;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

export function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Box enclosing the seen keypoints, for constructed poses and pose-only inputs. */
export function poseBox(pose: Pose): Box {
  const seen = pose.filter((p) => p.score >= MIN_KEYPOINT_SCORE);
  if (seen.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const xs = seen.map((p) => p.x);
  const ys = seen.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
