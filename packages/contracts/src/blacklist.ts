import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';
import { identityNumberInput, isoDate, personName } from './staff.ts';

export const blacklistReasons = [
  'child_abuse',
  'sexual_offence',
  'violence',
  'other_misconduct',
] as const;
export const blacklistReasonSchema = z.enum(blacklistReasons);

export const appealStatuses = ['none', 'pending', 'upheld', 'overturned'] as const;
export const appealStatusSchema = z.enum(appealStatuses);

const text = (max: number) => z.string().trim().min(1).max(max);

export const blacklistFieldsSchema = z.object({
  name: personName,
  reason: blacklistReasonSchema,
  decisionDocument: text(100),
  decisionAuthority: text(200),
  decisionDate: isoDate,
  /** null: barred permanently. */
  until: isoDate.nullable(),
});

export const createBlacklistEntrySchema = blacklistFieldsSchema.extend({
  identityNumber: identityNumberInput,
});

export const blacklistEventSchema = z.object({
  kind: z.enum(['created', 'updated', 'appeal', 'removed']),
  appealStatus: appealStatusSchema.nullable(),
  note: z.string().nullable(),
  decidedOn: isoDate.nullable(),
  recordedBy: z.uuid().nullable(),
  recordedAt: z.iso.datetime(),
});

export const blacklistEntrySchema = z.object({
  id: z.uuid(),
  identityNumber: z.string(),
  ...blacklistFieldsSchema.shape,
  appealStatus: appealStatusSchema,
  /** Barring now: not removed, not overturned on appeal, not past its end date. */
  effective: z.boolean(),
  removedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type BlacklistEntry = z.infer<typeof blacklistEntrySchema>;

export const blacklistListQuerySchema = z.object({
  reason: blacklistReasonSchema.optional(),
  includeRemoved: z.coerce.boolean().default(false),
  /** Exact identity number, matched by keyed hash. */
  identityNumber: identityNumberInput.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const appealSchema = z.object({
  status: appealStatusSchema.exclude(['none']),
  note: text(1000),
  decidedOn: isoDate.nullable().default(null),
});

export const screeningRunSchema = z.object({
  id: z.uuid(),
  trigger: z.enum(['blacklist_change', 'yearly', 'manual']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  checkedCount: z.number().int(),
  hitCount: z.number().int(),
});

// Hiring check --------------------------------------------------------------------------------

export const hiringCheckSchema = z.object({
  kindergartenId: z.uuid(),
  identityNumber: identityNumberInput,
  name: personName,
  /** Where the candidate's written consent is kept (form number, file reference). */
  consentReference: text(200),
  purpose: text(200).default('pre-employment check'),
});

export const notEligibleMessage = 'Not eligible: contact the district education bureau.';

/** Deliberately nothing more: no reason, no entry, no dates. */
export const hiringCheckAnswerSchema = z.object({
  checkId: z.uuid(),
  result: z.enum(['eligible', 'not_eligible']),
  message: z.string(),
});

// Bus events ----------------------------------------------------------------------------------

export const blacklistSubjects = {
  changed: 'blacklist.entry.changed',
  hiringHit: 'blacklist.hiring_check.hit',
  screeningHit: 'blacklist.screening.hit',
} as const;

export const blacklistChangedEventSchema = z.object({
  entryId: z.uuid(),
  change: z.enum(['created', 'updated', 'appeal', 'removed']),
});

/** To the district reviewers of the kindergarten: no personal data, only ids. */
export const hiringHitEventSchema = z.object({
  checkId: z.uuid(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  checkedBy: z.uuid().nullable(),
  at: z.iso.datetime(),
});

/** To the district and the principal of the kindergarten. */
export const screeningHitEventSchema = z.object({
  flagId: z.uuid(),
  staffId: z.uuid(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  screeningRunId: z.uuid(),
  at: z.iso.datetime(),
});

const t = ['blacklist'];

export const blacklistRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/blacklist',
    summary: 'Blacklist entries (city administrators)',
    tags: t,
    query: blacklistListQuerySchema,
    response: z.object({ items: z.array(blacklistEntrySchema), total: z.number().int() }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/blacklist',
    summary: 'Add an entry (city administrators); re-screens all active staff',
    tags: t,
    body: createBlacklistEntrySchema,
    response: blacklistEntrySchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/blacklist/:id',
    summary: 'One entry with its history (city administrators)',
    tags: t,
    params: idParams,
    response: blacklistEntrySchema.extend({ events: z.array(blacklistEventSchema) }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/blacklist/:id',
    summary: 'Correct an entry (city administrators); re-screens',
    tags: t,
    params: idParams,
    body: blacklistFieldsSchema.partial().extend({ note: text(1000) }),
    response: blacklistEntrySchema,
  }),
  appeal: defineRoute({
    method: 'POST',
    path: '/api/blacklist/:id/appeal',
    summary: 'Record an appeal or its decision (city administrators); re-screens',
    tags: t,
    params: idParams,
    body: appealSchema,
    response: blacklistEntrySchema,
  }),
  remove: defineRoute({
    method: 'POST',
    path: '/api/blacklist/:id/remove',
    summary: 'Remove an entry, keeping its history (city administrators); re-screens',
    tags: t,
    params: idParams,
    body: z.object({ note: text(1000) }),
    response: blacklistEntrySchema,
  }),
  screen: defineRoute({
    method: 'POST',
    path: '/api/blacklist/screenings',
    summary: 'Re-screen every active staff member now (city administrators)',
    tags: t,
    response: screeningRunSchema,
    status: 201,
  }),
  screenings: defineRoute({
    method: 'GET',
    path: '/api/blacklist/screenings',
    summary: 'Recent screening runs (city administrators)',
    tags: t,
    response: z.object({ items: z.array(screeningRunSchema) }),
  }),
  hiringCheck: defineRoute({
    method: 'POST',
    path: '/api/hiring-checks',
    summary: 'Check a candidate (principals): eligible or not eligible, nothing more; audited',
    tags: ['hiring'],
    body: hiringCheckSchema,
    response: hiringCheckAnswerSchema,
    status: 201,
  }),
};
