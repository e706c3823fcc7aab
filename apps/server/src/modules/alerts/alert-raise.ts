import {
  alertChangedSubject,
  alertRuleSchema,
  alertSeveritySchema,
  alertSubjects,
  type AlertRaisedEvent,
} from '@gardenwatch/contracts';
import { frameSchema } from '@gardenwatch/vision';
import type { Counter } from 'prom-client';
import { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { HoldService } from '../recording/hold.service.ts';
import { goesToPolice, RULE_POLICY } from './alert-policy.ts';
import type { AlertNotifier } from './alert-notifier.ts';
import type { AlertRow, AlertsRepository } from './alerts.repository.ts';
import { drawSkeletons, encodeJpeg, type DrawnPerson } from './skeleton-snapshot.ts';

/** The clip held with each alert: from 10 s before to 20 s after. */
export const CLIP_BEFORE_MS = 10_000;
export const CLIP_AFTER_MS = 20_000;

const drawnPersonSchema = z.custom<DrawnPerson>(
  (v) => typeof v === 'object' && v !== null && 'pose' in v && 'box' in v,
  'must be a person with a pose and a box',
);

/** A hit from the analysis, as the alerts module accepts it. */
export const raiseInputSchema = z.object({
  rule: alertRuleSchema,
  /** Overrides the rule's usual severity (the vision rules call some hits severe). */
  severity: alertSeveritySchema.optional(),
  cameraId: z.uuid(),
  at: z.date(),
  evidence: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  snapshot: z.object({ frame: frameSchema, people: z.array(drawnPersonSchema) }).optional(),
});
export type RaiseInput = z.input<typeof raiseInputSchema>;

export interface RaiseResult {
  alertId: string;
  /** True when the hit folded into an alert of the same rule and camera (cool-down). */
  deduplicated: boolean;
}

export interface RaiseDeps {
  platform: Platform;
  repo: AlertsRepository;
  cameras: CamerasService;
  holds: HoldService;
  notifier: AlertNotifier;
  tools: () => FfmpegTools;
  cooldownMs: number;
  escalationMs: number;
  raisedCounter: Counter<'rule' | 'severity'>;
}

/**
 * Turns a hit into an alert: folds repeats within the cool-down into the open alert, draws
 * the snapshot, holds the clip, publishes `alerts.alert.raised` and tells the first level
 * (and the police at once for a severe alert in a key area).
 */
export async function raiseAlert(deps: RaiseDeps, input: RaiseInput): Promise<RaiseResult> {
  const parsed = raiseInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'input';
    throw new AppError('VALIDATION_FAILED', `Invalid alert: ${field}: ${issue?.message ?? ''}`);
  }
  const hit = parsed.data;
  const placement = await deps.cameras.placementOfCamera(hit.cameraId);
  if (!placement) throw notFound('camera', hit.cameraId);

  const previous = await deps.repo.recent(hit.cameraId, hit.rule, hit.at, deps.cooldownMs);
  if (previous) {
    await deps.repo.seenAgain(previous.id, hit.at);
    await deps.platform.bus.publish(alertChangedSubject, { alertId: previous.id });
    return { alertId: previous.id, deduplicated: true };
  }

  const row = await insertAlert(deps, hit, placement);
  await Promise.all([keepSnapshot(deps, row, hit.snapshot), holdClip(deps, row)]);
  await publishRaised(deps, row);
  deps.notifier.notify(row, 'security_officer', 'raised');
  if (row.police_notified_at) deps.notifier.notify(row, 'police', 'raised');
  deps.raisedCounter.inc({ rule: hit.rule, severity: row.severity });
  deps.platform.logger.info(
    { alertId: row.id, cameraId: hit.cameraId, rule: hit.rule, severity: row.severity },
    'alert.raised',
  );
  return { alertId: row.id, deduplicated: false };
}

async function insertAlert(
  deps: RaiseDeps,
  hit: z.output<typeof raiseInputSchema>,
  placement: NonNullable<Awaited<ReturnType<CamerasService['placementOfCamera']>>>,
): Promise<AlertRow> {
  const now = deps.platform.now();
  const policy = RULE_POLICY[hit.rule];
  const severity = hit.severity ?? policy.severity;
  return deps.repo.insert({
    kind: policy.kind,
    rule: hit.rule,
    severity,
    camera_id: hit.cameraId,
    kindergarten_id: placement.kindergartenId,
    district_id: placement.districtId,
    area_kind: placement.areaKind,
    is_key_area: placement.isKey,
    at: hit.at,
    last_seen_at: hit.at,
    evidence: JSON.stringify(hit.evidence),
    escalate_at: new Date(now.getTime() + deps.escalationMs),
    police_notified_at: goesToPolice(severity, placement.isKey) ? now : null,
  });
}

async function keepSnapshot(
  deps: RaiseDeps,
  row: AlertRow,
  snapshot: z.output<typeof raiseInputSchema>['snapshot'],
): Promise<void> {
  if (!snapshot) return;

  const jpeg = await encodeJpeg(deps.tools(), drawSkeletons(snapshot.frame, snapshot.people));
  if (!jpeg) {
    deps.platform.logger.warn({ alertId: row.id }, 'alert.snapshot.encode_failed');
    return;
  }
  await deps.repo.saveSnapshot(row.id, jpeg);
  row.has_snapshot = true;
}

async function holdClip(deps: RaiseDeps, row: AlertRow): Promise<void> {
  if (!row.camera_id) return;

  const at = new Date(row.at).getTime();
  const from = new Date(at - CLIP_BEFORE_MS);
  const to = new Date(at + CLIP_AFTER_MS);
  const hold = await deps.holds.create({
    cameraId: row.camera_id,
    from,
    to,
    reason: `alert ${row.rule}`,
    owner: `alert:${row.id}`,
  });
  await deps.repo.update(row.id, { hold_id: hold.id, clip_from: from, clip_to: to });
  Object.assign(row, { hold_id: hold.id, clip_from: from, clip_to: to });
}

async function publishRaised(deps: RaiseDeps, row: AlertRow): Promise<void> {
  const event: AlertRaisedEvent = {
    alertId: row.id,
    kind: row.kind,
    severity: row.severity,
    cameraId: row.camera_id,
    kindergartenId: row.kindergarten_id,
    at: new Date(row.at).toISOString(),
  };
  await deps.platform.bus.publish(alertSubjects.raised, event);
}
