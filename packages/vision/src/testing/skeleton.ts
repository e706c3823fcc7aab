import type { Keypoint, Pose } from '../types.ts';

/**
 * Keypoint distances as fractions of stature: anthropometric tables (adult, age 3-6) with the
 * head and shoulders widened as MoveNet places those keypoints (see `stature.ts`).
 */
const PROPORTIONS = {
  adult: {
    torso: 0.32,
    neck: 0.1,
    head: 0.12,
    eyes: 0.038,
    shoulders: 0.27,
    hips: 0.17,
    upperArm: 0.186,
    forearm: 0.146,
    thigh: 0.245,
    shin: 0.246,
  },
  child: {
    torso: 0.29,
    neck: 0.11,
    head: 0.185,
    eyes: 0.057,
    shoulders: 0.28,
    hips: 0.17,
    upperArm: 0.17,
    forearm: 0.14,
    thigh: 0.22,
    shin: 0.22,
  },
} as const;

/** Limb angles in degrees from straight down, positive towards +x. */
export type Limb = readonly [upper: number, lower: number];

export interface PoseSpec {
  /** Midpoint of the hips, in pixels. */
  hip: { x: number; y: number };
  heightPx: number;
  child?: boolean;
  /** 0 upright, 90 lying with the head towards +x, -90 towards -x. */
  torsoDeg?: number;
  leftArm?: Limb;
  rightArm?: Limb;
  leftLeg?: Limb;
  rightLeg?: Limb;
  score?: number;
}

export const STANDING = {
  leftArm: [-8, -4] as Limb,
  rightArm: [8, 4] as Limb,
  leftLeg: [-3, 0] as Limb,
  rightLeg: [3, 0] as Limb,
};

function dir(deg: number): { x: number; y: number } {
  const r = (deg * Math.PI) / 180;
  return { x: Math.sin(r), y: Math.cos(r) };
}

/** Keypoints of a body in the COCO order, built from segment lengths and joint angles. */
export function buildPose(spec: PoseSpec): Pose {
  const p = PROPORTIONS[spec.child ? 'child' : 'adult'];
  const h = spec.heightPx;
  const score = spec.score ?? 0.9;
  const t = ((spec.torsoDeg ?? 0) * Math.PI) / 180;
  const up = { x: Math.sin(t), y: -Math.cos(t) };
  const side = { x: Math.cos(t), y: Math.sin(t) };
  const at = (o: { x: number; y: number }, d: { x: number; y: number }, len: number): Keypoint => ({
    x: o.x + d.x * len,
    y: o.y + d.y * len,
    score,
  });
  const shoulder = at(spec.hip, up, p.torso * h);
  const nose = at(shoulder, up, p.neck * h);
  const eyeLine = at(nose, up, 0.02 * h);
  const earLine = at(nose, up, 0.01 * h);
  const pair = (o: Keypoint, width: number): [Keypoint, Keypoint] => [
    at(o, side, -width / 2),
    at(o, side, width / 2),
  ];
  const [lEye, rEye] = pair(eyeLine, p.eyes * h);
  const [lEar, rEar] = pair(earLine, p.head * h);
  const [lSh, rSh] = pair(shoulder, p.shoulders * h);
  const [lHip, rHip] = pair({ ...spec.hip, score }, p.hips * h);
  const limb = (root: Keypoint, angles: Limb, a: number, b: number): [Keypoint, Keypoint] => {
    const mid = at(root, dir(angles[0]), a * h);
    return [mid, at(mid, dir(angles[1]), b * h)];
  };
  const [lEl, lWr] = limb(lSh, spec.leftArm ?? STANDING.leftArm, p.upperArm, p.forearm);
  const [rEl, rWr] = limb(rSh, spec.rightArm ?? STANDING.rightArm, p.upperArm, p.forearm);
  const [lKn, lAn] = limb(lHip, spec.leftLeg ?? STANDING.leftLeg, p.thigh, p.shin);
  const [rKn, rAn] = limb(rHip, spec.rightLeg ?? STANDING.rightLeg, p.thigh, p.shin);
  return [
    nose,
    lEye,
    rEye,
    lEar,
    rEar,
    lSh,
    rSh,
    lEl,
    rEl,
    lWr,
    rWr,
    lHip,
    rHip,
    lKn,
    rKn,
    lAn,
    rAn,
  ];
}

/** Hip height above the feet for a standing body of this stature. */
export function standingHipHeight(heightPx: number, child = false): number {
  const p = PROPORTIONS[child ? 'child' : 'adult'];
  return (p.thigh + p.shin) * heightPx;
}

/** A standing body whose feet are at `footY`. */
export function standingPose(options: {
  x: number;
  footY: number;
  heightPx: number;
  child?: boolean;
}): Pose {
  const hipY = options.footY - standingHipHeight(options.heightPx, options.child);
  return buildPose({
    hip: { x: options.x, y: hipY },
    heightPx: options.heightPx,
    child: options.child ?? false,
  });
}
