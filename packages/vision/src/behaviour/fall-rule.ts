import { find, hips, stature, torsoTilt } from './features.ts';
import type { Rule, RuleHit, SceneFrame, ScenePerson } from './scene.ts';

/**
 * A fall: the hips drop by at least 0.25 statures within 1 second (a fall takes about half a
 * second; sitting down lowers the hips as far but over a second or more, and someone lying
 * down for a nap goes down in stages), the torso is then more than 60° from vertical, and
 * there is no recovery: for `recoveryMs` after the drop the torso never comes back within 45°
 * of vertical. The alert is raised once that time has passed. The stature used is the one
 * measured before the drop, since a body lying towards the camera looks short.
 */
export const FALL = {
  minDrop: 0.25,
  dropWithinMs: 1000,
  lyingTilt: 60,
  recoveredTilt: 45,
  recoveryMs: 4000,
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
      if (fallen && atMs >= fromMs && atMs <= untilMs) return { atMs, drop };
    }
  }
  return undefined;
}

function recovered(
  frames: readonly SceneFrame[],
  trackId: number,
  from: number,
  to: number,
): boolean {
  return frames.some((f) => {
    if (f.timestampMs <= from || f.timestampMs > to) return false;
    const tilt = torsoTilt(find(f, trackId)?.pose ?? []);
    return tilt !== undefined && tilt < FALL.recoveredTilt;
  });
}

export function childFall(options: FallOptions = { subjects: 'children' }): Rule {
  return (frames) => {
    const now = frames.at(-1);
    if (!now) return [];
    const subjects = now.people.filter(
      (p: ScenePerson) => options.subjects === 'everyone' || p.ageClass === 'child',
    );
    const hits: RuleHit[] = [];
    for (const person of subjects) {
      const until = now.timestampMs - FALL.recoveryMs;
      const drop = findDrop(frames, person.trackId, until - REPORT_WINDOW_MS, until);
      if (!drop || now.timestampMs - drop.atMs < FALL.recoveryMs) continue;
      if (recovered(frames, person.trackId, drop.atMs, drop.atMs + FALL.recoveryMs)) continue;
      const evidence = { hipDropStatures: Math.round(drop.drop * 100) / 100, fellAtMs: drop.atMs };
      hits.push({
        rule: 'child-fall',
        severity: 'warning',
        atMs: now.timestampMs,
        trackIds: [person.trackId],
        evidence,
      });
    }
    return hits;
  };
}
