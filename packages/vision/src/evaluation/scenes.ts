import type { SceneFrame, ScenePerson, Zone } from '../behaviour/scene.ts';
import type { PoseSpec } from '../testing/skeleton.ts';
import { CHILD_H, chest, headOf, lerp, person, reach, standingHip } from './poser.ts';

/** Building blocks of the constructed sequences: people moving over time, and zones. */
export type Scene = (t: number) => ScenePerson[];

export function sequenceFrames(fps: number, seconds: number, scene: Scene): SceneFrame[] {
  return Array.from({ length: Math.round(fps * seconds) }, (_, i) => ({
    timestampMs: Math.round((i * 1000) / fps),
    people: scene(i / fps),
  }));
}

export const child = (x: number, extra: Partial<PoseSpec> = {}): PoseSpec => ({
  hip: standingHip(x, true),
  heightPx: CHILD_H,
  child: true,
  ...extra,
});
export const adult = (x: number, extra: Partial<PoseSpec> = {}): PoseSpec => ({
  hip: standingHip(x, false),
  heightPx: 300,
  ...extra,
});

/** Adult (id 1) swings an arm from above the head down onto the child's (id 2) head. */
export function strike(t: number, raisedAt: number, hitAt: number): ScenePerson[] {
  const kid = child(420);
  const grown = adult(340);
  const raised = { ...grown, rightArm: [160, 160] as const };
  const spec = t < raisedAt ? grown : t < hitAt ? raised : reach(grown, 'right', headOf(kid));
  return [person(1, false, spec), person(2, true, kid)];
}

/** Adult leaning over the child with a hand on the child's chest while the child moves. */
export function handOnChild(kidX: number, adultX: number, kidRise = 0): ScenePerson[] {
  const hip = standingHip(kidX, true);
  const kid = child(kidX, { hip: { x: hip.x, y: hip.y - kidRise } });
  const grown = adult(adultX, { torsoDeg: 25 });
  const holding = reach(reach(grown, 'right', chest(kid)), 'left', chest(kid));
  return [person(1, false, holding), person(2, true, kid)];
}

export function fallingChild(t: number, fallAt: number, getUpAt = Infinity): ScenePerson[] {
  const k = (t - fallAt) / 0.5;
  const up = child(420);
  if (t < fallAt || t >= getUpAt) return [person(2, true, up)];
  const lying = {
    hip: { x: 420, y: lerp(up.hip.y, 490, k) },
    torsoDeg: lerp(0, 85, k),
    leftLeg: [lerp(-3, -85, k), lerp(0, -88, k)] as const,
    rightLeg: [lerp(3, -80, k), lerp(0, -85, k)] as const,
  };
  return [person(2, true, child(420, lying))];
}

export function seatedChild(
  t: number,
  sitAt: number,
  lieFrom: number,
  lieSeconds: number,
): ScenePerson[] {
  const standing = child(420).hip.y;
  const sit = (t - sitAt) / 1.2;
  const lie = (t - lieFrom) / lieSeconds;
  const spec = child(420, {
    hip: { x: 420, y: lerp(standing, 480, sit) + lerp(0, 10, lie) },
    torsoDeg: lerp(0, 85, lie),
    leftLeg: [lerp(-3, -80, sit), lerp(0, -85, sit)] as const,
    rightLeg: [lerp(3, -75, sit), lerp(0, -80, sit)] as const,
  });
  return [person(2, true, spec)];
}

export function twoFighting(t: number, children: boolean): ScenePerson[] {
  const make = children ? child : adult;
  const a = make(children ? 380 : 330);
  const b = make(children ? 470 : 450);
  const phase = Math.floor(t * 4) % 4;
  const aSpec =
    phase === 1 ? reach(a, 'right', headOf(b)) : { ...a, rightArm: [-150, -170] as const };
  const bSpec = phase === 3 ? reach(b, 'left', headOf(a)) : { ...b, leftArm: [150, 170] as const };
  return [person(1, children, aSpec), person(2, children, bSpec)];
}

export const perimeter: Zone = {
  id: 'fence',
  kind: 'perimeter',
  polygon: [
    { x: 500, y: 420 },
    { x: 640, y: 420 },
    { x: 640, y: 560 },
    { x: 500, y: 560 },
  ],
};
export const indoor: Zone = {
  id: 'room',
  kind: 'indoor',
  polygon: [
    { x: 0, y: 0 },
    { x: 640, y: 0 },
    { x: 640, y: 640 },
    { x: 0, y: 640 },
  ],
};
export const gate: Zone = {
  id: 'gate',
  kind: 'gate',
  polygon: [
    { x: 200, y: 420 },
    { x: 400, y: 420 },
    { x: 400, y: 560 },
    { x: 200, y: 560 },
  ],
};

export const walker = (from: number, to: number, seconds: number) => (t: number) => [
  person(1, false, adult(lerp(from, to, t / seconds))),
];
