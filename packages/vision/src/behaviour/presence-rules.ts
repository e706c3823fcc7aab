import type { Point } from '../geometry.ts';
import { footPoint } from './features.ts';
import type { Rule, RuleHit, SceneFrame, Zone } from './scene.ts';

/** A child in view with no adult in view for this long, while the kindergarten is open. */
export const ALONE = { minMs: 60_000 } as const;

/** A person whose feet stay in a perimeter zone (any time) or an indoor zone at night. */
export const INTRUSION = { minMs: 2000 } as const;

/** A person whose feet stay in a gate zone this long is loitering. */
export const LOITER = { minMs: 120_000 } as const;

/** Ray casting; the polygon is in frame pixels, not closed. */
export function pointInPolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (
      a.y > point.y !== b.y > point.y &&
      point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x
    ) {
      inside = !inside;
    }
  }
  return inside;
}

/** How long, up to now, the condition has held without a break (frames oldest first). */
function heldFor(frames: readonly SceneFrame[], holds: (frame: SceneFrame) => boolean): number {
  const now = frames.at(-1);
  if (!now || !holds(now)) return 0;
  let since = now.timestampMs;
  for (let i = frames.length - 2; i >= 0 && holds(frames[i]!); i--) since = frames[i]!.timestampMs;
  return now.timestampMs - since;
}

export const childAlone: Rule = (frames, context) => {
  const now = frames.at(-1);
  if (!now || !context.isOpen(now.timestampMs)) return [];
  const alone = (f: SceneFrame): boolean =>
    f.people.some((p) => p.ageClass === 'child') && !f.people.some((p) => p.ageClass === 'adult');
  const ms = heldFor(frames, alone);
  if (ms < ALONE.minMs) return [];
  const children = now.people.filter((p) => p.ageClass === 'child').map((p) => p.trackId);
  return [
    {
      rule: 'child-alone',
      severity: 'warning',
      atMs: now.timestampMs,
      trackIds: children,
      evidence: { aloneMs: ms },
    },
  ];
};

function inZone(frame: SceneFrame, trackId: number, zone: Zone): boolean {
  const person = frame.people.find((p) => p.trackId === trackId);
  return person !== undefined && pointInPolygon(footPoint(person), zone.polygon);
}

function dwellHits(
  frames: readonly SceneFrame[],
  zones: readonly Zone[],
  minMs: number,
  rule: RuleHit['rule'],
): RuleHit[] {
  const now = frames.at(-1);
  if (!now) return [];
  const hits: RuleHit[] = [];
  for (const zone of zones) {
    for (const person of now.people) {
      const ms = heldFor(frames, (f) => inZone(f, person.trackId, zone));
      if (ms < minMs) continue;
      const severity = rule === 'zone-intrusion' ? 'severe' : 'warning';
      hits.push({
        rule,
        severity,
        atMs: now.timestampMs,
        trackIds: [person.trackId],
        evidence: { zoneId: zone.id, dwellMs: ms },
      });
    }
  }
  return hits;
}

export const zoneIntrusion: Rule = (frames, context) => {
  const now = frames.at(-1);
  if (!now) return [];
  const night = context.isNight(now.timestampMs);
  const zones = context.zones.filter(
    (z) => z.kind === 'perimeter' || (z.kind === 'indoor' && night),
  );
  return dwellHits(frames, zones, INTRUSION.minMs, 'zone-intrusion');
};

export const gateLoitering: Rule = (frames, context) =>
  dwellHits(
    frames,
    context.zones.filter((z) => z.kind === 'gate'),
    LOITER.minMs,
    'gate-loitering',
  );
