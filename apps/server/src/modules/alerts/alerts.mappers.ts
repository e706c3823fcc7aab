import type { Alert, AlertRule, Resource } from '@gardenwatch/contracts';
import type { AreaKind } from '@gardenwatch/contracts';
import { alertRuleSchema } from '@gardenwatch/contracts';
import { z } from 'zod';
import { levelName } from './alert-policy.ts';
import type { AlertRow, NoteRow } from './alerts.repository.ts';

const evidenceSchema = z.record(z.string(), z.union([z.number(), z.string()]));

const iso = (value: Date | string) => new Date(value).toISOString();

/** The resource `can()` decides on: the camera's area as it was when the alert was raised. */
export function alertResource(row: AlertRow): Resource {
  return {
    kind: 'camera',
    districtId: row.district_id,
    kindergartenId: row.kindergarten_id,
    areaKind: row.area_kind as AreaKind,
    isKey: row.is_key_area,
  };
}

export function ruleOf(row: AlertRow): AlertRule {
  return alertRuleSchema.parse(row.rule);
}

export function toAlert(row: AlertRow, notes: readonly NoteRow[]): Alert {
  const clip =
    row.clip_from && row.clip_to ? { from: iso(row.clip_from), to: iso(row.clip_to) } : null;
  return {
    id: row.id,
    kind: row.kind,
    rule: ruleOf(row),
    severity: row.severity,
    state: row.state,
    cameraId: row.camera_id,
    kindergartenId: row.kindergarten_id,
    districtId: row.district_id,
    isKeyArea: row.is_key_area,
    at: iso(row.at),
    lastSeenAt: iso(row.last_seen_at),
    repeatCount: row.repeat_count,
    escalation: levelName(row.escalation_level),
    policeNotified: row.police_notified_at !== null,
    clip,
    hasSnapshot: row.has_snapshot,
    evidence: evidenceSchema.catch({}).parse(row.evidence),
    notes: notes
      .filter((n) => n.alert_id === row.id)
      .map((n) => ({ state: n.state, note: n.note, authorId: n.author_id, at: iso(n.created_at) })),
  };
}
