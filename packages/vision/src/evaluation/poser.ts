import { poseBox, type Point } from '../geometry.ts';
import { buildPose, standingHipHeight, type Limb, type PoseSpec } from '../testing/skeleton.ts';
import type { ScenePerson } from '../behaviour/scene.ts';
import type { Pose } from '../types.ts';

export const ADULT_H = 300;
export const CHILD_H = 180;
export const FLOOR_Y = 500;

export const lerp = (a: number, b: number, k: number): number =>
  a + (b - a) * Math.min(1, Math.max(0, k));

export function standingHip(x: number, child: boolean): Point {
  return { x, y: FLOOR_Y - standingHipHeight(child ? CHILD_H : ADULT_H, child) };
}

/** Arm angles bringing the wrist to `target` (two-link inverse kinematics, elbow outwards). */
export function reach(spec: PoseSpec, side: 'left' | 'right', target: Point): PoseSpec {
  const pose = buildPose(spec);
  const shoulder = pose[side === 'left' ? 5 : 6]!;
  const elbow = pose[side === 'left' ? 7 : 8]!;
  const wrist = pose[side === 'left' ? 9 : 10]!;
  const upper = Math.hypot(elbow.x - shoulder.x, elbow.y - shoulder.y);
  const fore = Math.hypot(wrist.x - elbow.x, wrist.y - elbow.y);
  const dx = target.x - shoulder.x;
  const dy = target.y - shoulder.y;
  const d = Math.min(Math.hypot(dx, dy), upper + fore - 1e-6);
  const base = (Math.atan2(dx, dy) * 180) / Math.PI;
  const bend = (Math.acos((upper * upper + d * d - fore * fore) / (2 * upper * d)) * 180) / Math.PI;
  const sign = side === 'left' ? -1 : 1;
  const upperDeg = base + sign * bend;
  const u = (upperDeg * Math.PI) / 180;
  const elbowAt = { x: shoulder.x + upper * Math.sin(u), y: shoulder.y + upper * Math.cos(u) };
  const foreDeg = (Math.atan2(target.x - elbowAt.x, target.y - elbowAt.y) * 180) / Math.PI;
  const limb: Limb = [upperDeg, foreDeg];
  return side === 'left' ? { ...spec, leftArm: limb } : { ...spec, rightArm: limb };
}

export function person(
  trackId: number,
  child: boolean,
  spec: Omit<PoseSpec, 'heightPx' | 'child'>,
): ScenePerson {
  const pose: Pose = buildPose({ ...spec, heightPx: child ? CHILD_H : ADULT_H, child });
  return { trackId, pose, box: poseBox(pose), ageClass: child ? 'child' : 'adult' };
}

/** Chest point of a body built from `spec`: between shoulders and hips, nearer the shoulders. */
export function chest(spec: PoseSpec): Point {
  const pose = buildPose(spec);
  const s = pose[5]!;
  const t = pose[6]!;
  const h = pose[11]!;
  const k = pose[12]!;
  return { x: (s.x + t.x) * 0.35 + (h.x + k.x) * 0.15, y: (s.y + t.y) * 0.35 + (h.y + k.y) * 0.15 };
}

export function headOf(spec: PoseSpec): Point {
  const nose = buildPose(spec)[0]!;
  return { x: nose.x, y: nose.y };
}
