import { z } from 'zod';
import { defineRoute } from './route.ts';

/**
 * Alerts as other modules see them on the bus. The alerts module publishes `raised` once per
 * alert; subscribers (the police gateway among them) validate with these schemas. The event
 * carries ids and codes only: no names, faces or free text.
 */
export const alertSubjects = {
  raised: 'alerts.alert.raised',
} as const;

export const alertKindSchema = z.enum([
  /** An adult's behaviour towards a child, from pose tracks. */
  'abuse',
  'fall',
  /** A barred person's face seen on a camera. */
  'blacklist_sighting',
  'intrusion',
  /** Lens covered, defocused or camera turned away. */
  'tamper',
  'other',
]);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const alertSeveritySchema = z.enum(['low', 'medium', 'high', 'severe']);
export type AlertSeverity = z.infer<typeof alertSeveritySchema>;

export const alertRaisedEventSchema = z.object({
  alertId: z.uuid(),
  kind: alertKindSchema,
  severity: alertSeveritySchema,
  /** The camera that saw it; null for alerts not tied to a camera. */
  cameraId: z.uuid().nullable(),
  kindergartenId: z.uuid(),
  at: z.iso.datetime({ offset: true }),
});
export type AlertRaisedEvent = z.infer<typeof alertRaisedEventSchema>;

/** Changes after raising (acknowledged, closed, escalated, seen again), for live consoles. */
export const alertChangedSubject = 'alerts.alert.changed';
export const alertChangedEventSchema = z.object({ alertId: z.uuid() });

/** The behaviour rules of the vision package, and the face outcomes at gates. */
export const alertRules = [
  'striking',
  'push-or-drag',
  'rough-lifting',
  'child-fall',
  'child-alone',
  'fighting',
  'zone-intrusion',
  'gate-loitering',
  'blacklisted-face',
  'unknown-adult',
] as const;
export const alertRuleSchema = z.enum(alertRules);
export type AlertRule = z.infer<typeof alertRuleSchema>;

export const alertStates = ['new', 'acknowledged', 'resolved', 'false_alarm'] as const;
export const alertStateSchema = z.enum(alertStates);
export type AlertState = z.infer<typeof alertStateSchema>;

/** Who is asked to act, in order, while nobody acknowledges. */
export const escalationLevels = ['security_officer', 'principal', 'district_reviewer'] as const;
export const escalationLevelSchema = z.enum(escalationLevels);
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

const timestamp = z.iso.datetime({ offset: true });

export const alertNoteSchema = z.object({
  state: alertStateSchema,
  note: z.string(),
  authorId: z.uuid().nullable(),
  at: timestamp,
});

export const alertSchema = z.object({
  id: z.uuid(),
  kind: alertKindSchema,
  rule: alertRuleSchema,
  severity: alertSeveritySchema,
  state: alertStateSchema,
  cameraId: z.uuid().nullable(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  isKeyArea: z.boolean(),
  at: timestamp,
  lastSeenAt: timestamp,
  /** Further hits of the same rule on the same camera folded into this alert. */
  repeatCount: z.number().int(),
  escalation: escalationLevelSchema,
  policeNotified: z.boolean(),
  /** The held footage, 10 s before to 20 s after; null for alerts without a camera. */
  clip: z.object({ from: timestamp, to: timestamp }).nullable(),
  hasSnapshot: z.boolean(),
  /** Measured values behind the decision (speeds, distances, track ids). */
  evidence: z.record(z.string(), z.union([z.number(), z.string()])),
  notes: z.array(alertNoteSchema),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListQuery = z.object({
  state: alertStateSchema.optional(),
  severity: alertSeveritySchema.optional(),
  kindergartenId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const alertNoteBody = z.object({ note: z.string().trim().max(2000).default('') });
/** Closing an alert needs a note saying why. */
export const alertCloseBody = z.object({ note: z.string().trim().min(1).max(2000) });

export const rulePrecisionSchema = z.object({
  kindergartenId: z.uuid(),
  rule: alertRuleSchema,
  confirmed: z.number().int(),
  falseAlarms: z.number().int(),
  open: z.number().int(),
  /** Confirmed over closed alerts; null before any is closed. */
  precision: z.number().min(0).max(1).nullable(),
});
export type RulePrecision = z.infer<typeof rulePrecisionSchema>;

/** Live alerts over WebSocket: one JSON text message per new or changed alert. */
export const alertLivePath = '/api/alerts/live';
export const alertLiveMessageSchema = z.object({
  type: z.enum(['raised', 'changed']),
  alert: alertSchema,
});
export type AlertLiveMessage = z.infer<typeof alertLiveMessageSchema>;

/** The snapshot with skeletons drawn: a sight of video, authorised and audited as playback. */
export const alertSnapshotPath = '/api/alerts/:id/snapshot.jpg';

const alertIdParams = z.object({ id: z.uuid() });
const t = ['alerts'];
const oneAlert = z.object({ alert: alertSchema });

export const alertRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/alerts',
    summary: 'Alerts the caller may read, newest first',
    tags: t,
    query: alertListQuery,
    response: z.object({ items: z.array(alertSchema) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/alerts/:id',
    summary: 'One alert with its notes',
    tags: t,
    params: alertIdParams,
    response: oneAlert,
  }),
  acknowledge: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/acknowledge',
    summary: 'Acknowledge a new alert; stops its escalation (audited)',
    tags: t,
    params: alertIdParams,
    body: alertNoteBody,
    response: oneAlert,
  }),
  resolve: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/resolve',
    summary: 'Close an alert as a real event, with a note (audited)',
    tags: t,
    params: alertIdParams,
    body: alertCloseBody,
    response: oneAlert,
  }),
  falseAlarm: defineRoute({
    method: 'POST',
    path: '/api/alerts/:id/false-alarm',
    summary: 'Close an alert as a false alarm, with a note (audited); feeds rule precision',
    tags: t,
    params: alertIdParams,
    body: alertCloseBody,
    response: oneAlert,
  }),
  precision: defineRoute({
    method: 'GET',
    path: '/api/alerts/precision',
    summary: 'Per rule and kindergarten: confirmed alerts against false alarms',
    tags: t,
    query: z.object({ kindergartenId: z.uuid().optional() }),
    response: z.object({ items: z.array(rulePrecisionSchema) }),
  }),
};
