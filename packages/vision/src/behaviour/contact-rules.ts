import { distance, keypoint } from '../geometry.ts';
import {
  LIMBS,
  find,
  frameBefore,
  head,
  hips,
  inBox,
  stature,
  torsoBox,
  touches,
} from './features.ts';
import type { Rule, RuleHit, SceneFrame, ScenePerson } from './scene.ts';

/**
 * Striking: an adult's wrist or ankle moves faster than 2 statures per second over the last
 * step (a slap or kick travels 5-10 m/s, about 3-6 adult statures; clapping, waving and dancing
 * stay under 1.5) and ends within 0.12 adult statures of the child's head or inside the child's
 * torso box, having moved towards that point (closing at least 0.1 statures).
 */
export const STRIKE = { minSpeed: 2, reach: 0.12, minClosing: 0.1, lookBackMs: 300 } as const;

/**
 * Pushing or dragging: a child's hips move faster than 1.6 child statures per second (walking
 * is about 1; being shoved or pulled off balance is faster) while an adult's hand touches the
 * child's torso or hands, in two analysed steps in a row.
 */
export const PUSH = { minSpeed: 1.6, reach: 0.08, stepMs: 250 } as const;

/**
 * Rough lifting: a child's hips rise faster than 1.2 child statures per second (a calm lift
 * takes a second or more for half a stature, 0.5/s) while an adult's hand touches the child.
 */
export const LIFT = { minRiseSpeed: 1.2, reach: 0.08, stepMs: 400 } as const;

/**
 * Fighting: two adults within 0.8 statures of each other, each making at least two fast limb
 * movements (over 2 statures per second) that end near the other within the last 3 seconds.
 */
export const FIGHT = {
  minSpeed: 2,
  reach: 0.2,
  range: 0.8,
  windowMs: 3000,
  minBlowsEach: 2,
} as const;

function limbSpeed(
  now: ScenePerson,
  before: ScenePerson,
  limb: (typeof LIMBS)[number],
  dtMs: number,
): number {
  const a = keypoint(now.pose, limb);
  const b = keypoint(before.pose, limb);
  if (!a || !b || dtMs <= 0) return 0;
  return distance(a, b) / stature(now) / (dtMs / 1000);
}

/** Fast limb movements of `actor` ending on `target`'s head or torso in the last step. */
function blowsOn(
  actor: ScenePerson,
  before: ScenePerson,
  target: ScenePerson,
  options: { minSpeed: number; reach: number; dtMs: number },
): { speed: number; limb: string }[] {
  const targetHead = head(target);
  const torso = torsoBox(target, 0.02);
  const scale = stature(actor);
  const blows: { speed: number; limb: string }[] = [];
  for (const limb of LIMBS) {
    const speed = limbSpeed(actor, before, limb, options.dtMs);
    const end = keypoint(actor.pose, limb);
    const start = keypoint(before.pose, limb);
    if (speed < options.minSpeed || !end || !start) continue;
    const nearHead = targetHead && distance(end, targetHead) <= options.reach * scale;
    const onTorso = torso && inBox(end, torso);
    const aim = targetHead ?? end;
    const closing = (distance(start, aim) - distance(end, aim)) / scale;
    if ((nearHead || onTorso) && closing >= STRIKE.minClosing) blows.push({ speed, limb });
  }
  return blows;
}

function pairs(
  frame: SceneFrame,
  actorClass: 'adult',
  targetClass: 'child' | 'adult',
): [ScenePerson, ScenePerson][] {
  const actors = frame.people.filter((p) => p.ageClass === actorClass);
  const targets = frame.people.filter((p) => p.ageClass === targetClass);
  return actors.flatMap((a) =>
    targets.filter((t) => t !== a).map((t): [ScenePerson, ScenePerson] => [a, t]),
  );
}

export const striking: Rule = (frames) => {
  const now = frames.at(-1);
  const prev = frames.at(-2);
  if (!now || !prev || now.timestampMs - prev.timestampMs > STRIKE.lookBackMs) return [];

  const dtMs = now.timestampMs - prev.timestampMs;
  const hits: RuleHit[] = [];
  for (const [adult, child] of pairs(now, 'adult', 'child')) {
    const before = find(prev, adult.trackId);
    if (!before) continue;
    const blows = blowsOn(adult, before, child, {
      minSpeed: STRIKE.minSpeed,
      reach: STRIKE.reach,
      dtMs,
    });
    const fastest = blows.sort((a, b) => b.speed - a.speed)[0];
    if (fastest) {
      const evidence = { limb: fastest.limb, speedStaturesPerS: round(fastest.speed) };
      hits.push({
        rule: 'striking',
        severity: 'severe',
        atMs: now.timestampMs,
        trackIds: [adult.trackId, child.trackId],
        evidence,
      });
    }
  }
  return hits;
};

function hipSpeed(
  now: ScenePerson,
  before: ScenePerson,
  dtMs: number,
): { speed: number; rise: number } {
  const a = hips(now);
  const b = hips(before);
  if (!a || !b || dtMs <= 0) return { speed: 0, rise: 0 };
  const scale = stature(now) * (dtMs / 1000);
  return { speed: distance(a, b) / scale, rise: (b.y - a.y) / scale };
}

/** The child's hip motion over the last `stepMs` and the step before, with the touching adult. */
function childMotion(frames: readonly SceneFrame[], stepMs: number, reach: number) {
  const now = frames.at(-1);
  const mid = frameBefore(frames, stepMs);
  const start = mid
    ? frameBefore(
        frames.filter((f) => f.timestampMs <= mid.timestampMs),
        stepMs,
      )
    : undefined;
  if (!now || !mid || !start) return [];
  return pairs(now, 'adult', 'child').flatMap(([adult, child]) => {
    const childMid = find(mid, child.trackId);
    const childStart = find(start, child.trackId);
    const adultMid = find(mid, adult.trackId);
    if (!childMid || !childStart || !adultMid) return [];
    if (!touches(adult, child, reach) || !touches(adultMid, childMid, reach)) return [];
    const recent = hipSpeed(child, childMid, now.timestampMs - mid.timestampMs);
    const earlier = hipSpeed(childMid, childStart, mid.timestampMs - start.timestampMs);
    return [{ adult, child, recent, earlier, atMs: now.timestampMs }];
  });
}

export const pushOrDrag: Rule = (frames) =>
  childMotion(frames, PUSH.stepMs, PUSH.reach)
    .filter(
      (m) =>
        Math.min(m.recent.speed, m.earlier.speed) >= PUSH.minSpeed ||
        m.recent.speed >= 2 * PUSH.minSpeed,
    )
    .map((m) => ({
      rule: 'push-or-drag',
      severity: 'severe',
      atMs: m.atMs,
      trackIds: [m.adult.trackId, m.child.trackId],
      evidence: { childSpeedStaturesPerS: round(m.recent.speed) },
    }));

export const roughLifting: Rule = (frames) =>
  childMotion(frames, LIFT.stepMs, LIFT.reach)
    .filter((m) => m.recent.rise >= LIFT.minRiseSpeed)
    .map((m) => ({
      rule: 'rough-lifting',
      severity: 'severe',
      atMs: m.atMs,
      trackIds: [m.adult.trackId, m.child.trackId],
      evidence: { childRiseStaturesPerS: round(m.recent.rise) },
    }));

export const fighting: Rule = (frames) => {
  const now = frames.at(-1);
  if (!now) return [];
  const window = frames.filter((f) => now.timestampMs - f.timestampMs <= FIGHT.windowMs);
  const hits: RuleHit[] = [];
  for (const [a, b] of pairs(now, 'adult', 'adult')) {
    if (a.trackId > b.trackId) continue;
    const ha = hips(a);
    const hb = hips(b);
    if (!ha || !hb || distance(ha, hb) > FIGHT.range * Math.max(stature(a), stature(b))) continue;
    const blowsA = countBlows(window, a.trackId, b.trackId);
    const blowsB = countBlows(window, b.trackId, a.trackId);
    if (blowsA >= FIGHT.minBlowsEach && blowsB >= FIGHT.minBlowsEach) {
      hits.push({
        rule: 'fighting',
        severity: 'severe',
        atMs: now.timestampMs,
        trackIds: [a.trackId, b.trackId],
        evidence: { blowsA, blowsB },
      });
    }
  }
  return hits;
};

function countBlows(window: readonly SceneFrame[], actorId: number, targetId: number): number {
  let count = 0;
  for (let i = 1; i < window.length; i++) {
    const actor = find(window[i], actorId);
    const before = find(window[i - 1], actorId);
    const target = find(window[i], targetId);
    if (!actor || !before || !target) continue;
    const dtMs = window[i]!.timestampMs - window[i - 1]!.timestampMs;
    if (
      blowsOn(actor, before, target, { minSpeed: FIGHT.minSpeed, reach: FIGHT.reach, dtMs })
        .length > 0
    )
      count++;
  }
  return count;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
