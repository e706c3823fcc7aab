import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** The longest window one footage request covers. */
export const MAX_REQUEST_HOURS = 2;
export const DEFAULT_REQUEST_DUE_DAYS = 10;

export const footageReasons = [
  'injury',
  'suspected_abuse',
  'child_conflict',
  'lost_item',
  'other',
] as const;
export const footageReasonSchema = z.enum(footageReasons);
export type FootageReason = z.infer<typeof footageReasonSchema>;

export const footageStatuses = ['pending', 'released', 'on_site', 'rejected', 'closed'] as const;
export const footageStatusSchema = z.enum(footageStatuses);
export type FootageStatus = z.infer<typeof footageStatusSchema>;

/** Attachments (a medical note): the type is checked from the bytes, not the name. */
export const attachmentLimits = {
  maxBytes: 5 * 1024 * 1024,
  maxPerRequest: 5,
  types: ['application/pdf', 'image/jpeg', 'image/png'] as const,
};

export const footageRequestCreateSchema = z
  .object({
    /** A parent's or principal's own kindergarten when absent; police must name one. */
    kindergartenId: z.uuid().optional(),
    /** The class's rooms when a parent names none. */
    areaIds: z.array(z.uuid()).min(1).max(16).optional(),
    from: timestamp,
    to: timestamp,
    reason: footageReasonSchema,
    description: z.string().trim().min(1).max(2000),
    /** A report of a crime goes to the police rather than the district reviewer. */
    criminalReport: z.boolean().default(false),
  })
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= MAX_REQUEST_HOURS * 3_600_000, {
    message: `the window may span at most ${MAX_REQUEST_HOURS} hours`,
    path: ['to'],
  });
export type FootageRequestCreate = z.infer<typeof footageRequestCreateSchema>;

export const footageDecisionSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('release'),
    allowDownload: z.boolean().default(false),
    /** How long the applicant's link works. */
    days: z.number().int().min(1).max(30).default(7),
  }),
  z.object({ outcome: z.literal('on_site'), at: timestamp }),
  z.object({ outcome: z.literal('reject'), reason: z.string().trim().min(1).max(1000) }),
]);
export type FootageDecision = z.infer<typeof footageDecisionSchema>;

export const footageAttachmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.enum(attachmentLimits.types),
  bytes: z.number().int().positive(),
});

export const footageRequestSchema = z.object({
  id: z.uuid(),
  number: z.number().int().positive(),
  applicantId: z.uuid(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  routedTo: z.enum(['district', 'police']),
  from: timestamp,
  to: timestamp,
  cameraIds: z.array(z.uuid()),
  reason: footageReasonSchema,
  description: z.string(),
  status: footageStatusSchema,
  dueAt: timestamp,
  overdue: z.boolean(),
  decidedAt: timestamp.nullable(),
  rejectionReason: z.string().nullable(),
  onSiteAt: timestamp.nullable(),
  history: z.array(z.object({ status: z.string(), at: timestamp })),
  attachments: z.array(footageAttachmentSchema),
  /** Holds shared with earlier requests on the same footage. */
  joinedHolds: z.number().int().nonnegative(),
});
export type FootageRequest = z.infer<typeof footageRequestSchema>;

export const footageListQuery = z.object({
  /** `mine`: the caller's own requests; `queue`: the requests the caller decides. */
  view: z.enum(['mine', 'queue']).default('mine'),
  overdue: z.enum(['true', 'false']).optional(),
});

export const requestableAreaSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.string(),
  cameraIds: z.array(z.uuid()),
  /** One of the class's rooms: chosen by default in a parent's form. */
  classRoom: z.boolean(),
});

const t = ['footage-requests'];

export const footageAttachmentPath = '/api/footage-requests/:id/attachments';

export const footageRequestRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/footage-requests',
    summary: 'Apply for footage of a window; the footage is held at once',
    tags: t,
    body: footageRequestCreateSchema,
    response: footageRequestSchema,
    status: 201,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/footage-requests',
    summary: "The caller's requests, or the queue the caller decides (by deadline)",
    tags: t,
    query: footageListQuery,
    response: z.object({ items: z.array(footageRequestSchema) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/footage-requests/:id',
    summary: 'One request with its history (applicant, reviewer, kindergarten)',
    tags: t,
    params: idParams,
    response: footageRequestSchema,
  }),
  decide: defineRoute({
    method: 'POST',
    path: '/api/footage-requests/:id/decision',
    summary: 'Release a redacted clip, offer an on-site viewing, or reject (audited)',
    tags: t,
    params: idParams,
    body: footageDecisionSchema,
    response: footageRequestSchema,
  }),
  addAttachment: defineRoute({
    method: 'POST',
    path: footageAttachmentPath,
    summary: 'Attach a PDF, JPEG or PNG (the body is the file; ?name= its name)',
    tags: t,
    params: idParams,
    query: z.object({ name: z.string().trim().min(1).max(120) }),
    response: footageAttachmentSchema,
    status: 201,
  }),
  areas: defineRoute({
    method: 'GET',
    path: '/api/footage-requests/areas',
    summary: 'Areas the caller may request footage of, with their cameras',
    tags: t,
    query: z.object({ kindergartenId: z.uuid().optional() }),
    response: z.object({ items: z.array(requestableAreaSchema) }),
  }),
};
