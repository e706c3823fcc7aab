import { z } from 'zod';

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
