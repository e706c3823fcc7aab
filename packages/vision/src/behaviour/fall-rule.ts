import { distance, type Point } from '../geometry.ts';
import { find, hips, stature, torsoTilt } from './features.ts';
import type { Rule, RuleHit, SceneFrame, ScenePerson } from './scene.ts';

/**
 * A fall: the hips drop by at least 0.25 statures within 1 second (a fall takes about half a
 * second; sitting down lowers the hips as far but over a second or more, and someone lying
 * down for a nap goes down in stages), the torso is then more than 60° from vertical, and
 * there is no recovery: for `recoveryMs` after the drop nobody near the spot (within 0.6
 * statures) has a torso back within 45° of vertical. The alert is raised once that time has
 * passed. The stature used is the one measured before the drop, since a body lying towards the
 * camera looks short.
 */
export const FALL = {
  minDrop: 0.25,
  dropWithinMs: 1000,
  lyingTilt: 60,
  recoveredTilt: 45,
  recoveryMs: 4000,
  spotRadius: 0.6,
} as const;

/** A fall is reported by the first frame analysed within this time after its recovery ran out. */
const REPORT_WINDOW_MS = 2000;

export interface FallOptions {
  /** Children in production; everyone when evaluating on footage of adults. */
  subjects: 'children' | 'everyone';
}

interface Drop {
  atMs: number;
  drop: number;
  /** Where the hips ended up, and the body's stature before the fall. */
  at: Point;
  scale: number;
}

/**
 * A fast hip drop of this track that ended between `fromMs` and `untilMs`: only drops whose
 * recovery time has just run out are looked at, so each fall is reported once.
 */
function findDrop(
  frames: readonly SceneFrame[],
  trackId: number,
  fromMs: number,
  untilMs: number,
): Drop | undefined {
  const startMs = fromMs - FALL.dropWithinMs;
  for (let i = 0; i < frames.length && frames[i]!.timestampMs <= untilMs; i++) {
    if (frames[i]!.timestampMs < startMs) continue;
    const start = find(frames[i], trackId);
    const from = start && hips(start);
    if (!start || !from) continue;
    const scale = stature(start);
    for (let j = i + 1; j < frames.length; j++) {
      const dt = frames[j]!.timestampMs - frames[i]!.timestampMs;
      if (dt > FALL.dropWithinMs) break;
      const to = find(frames[j], trackId);
      const point = to && hips(to);
      if (!point) continue;
      const drop = (point.y - from.y) / scale;
      const tilt = torsoTilt(to.pose) ?? 0;
      const atMs = frames[j]!.timestampMs;
      const fallen = drop >= FALL.minDrop && tilt >= FALL.lyingTilt;
      if (fallen && atMs >= fromMs && atMs <= untilMs) return { atMs, drop, at: point, scale };
    }
  }
  return undefined;
}

/**
 * Whether anyone whose hips are near the fall spot sits or stands up within the recovery time.
 * The spot, not the track, is followed: a body going from upright to lying changes its box so
 * much that the tracker may give it a new id.
 */
function recovered(frames: readonly SceneFrame[], drop: Drop): boolean {
  return frames.some((f) => {
    if (f.timestampMs <= drop.atMs || f.timestampMs > drop.atMs + FALL.recoveryMs) return false;
    return f.people.some((p) => {
      const point = hips(p);
      const tilt = torsoTilt(p.pose);
      if (!point || tilt === undefined) return false;
      return distance(point, drop.at) <= FALL.spotRadius * drop.scale && tilt < FALL.recoveredTilt;
    });
  });
}

/** Tracks seen in the frames where a reportable drop may have ended, with their age class. */
function candidates(
  frames: readonly SceneFrame[],
  fromMs: number,
  untilMs: number,
): Map<number, ScenePerson> {
  const seen = new Map<number, ScenePerson>();
  for (const f of frames) {
    if (f.timestampMs < fromMs - FALL.dropWithinMs || f.timestampMs > untilMs) continue;
    for (const p of f.people) seen.set(p.trackId, p);
  }
  return seen;
}

export function childFall(options: FallOptions = { subjects: 'children' }): Rule {
  return (frames) => {
    const now = frames.at(-1);
    if (!now) return [];
    const until = now.timestampMs - FALL.recoveryMs;
    const from = until - REPORT_WINDOW_MS;
    const hits: RuleHit[] = [];
    for (const [trackId, person] of candidates(frames, from, until)) {
      if (options.subjects === 'children' && person.ageClass !== 'child') continue;
      const drop = findDrop(frames, trackId, from, until);
      if (!drop || recovered(frames, drop)) continue;
      const evidence = { hipDropStatures: Math.round(drop.drop * 100) / 100, fellAtMs: drop.atMs };
      hits.push({
        rule: 'child-fall',
        severity: 'warning',
        atMs: now.timestampMs,
        trackIds: [trackId],
        evidence,
      });
    }
    return hits;
  };
}
