import { z } from 'zod';
import { defineRoute } from './route.ts';

export const auditOutcomeSchema = z.enum(['allowed', 'denied', 'succeeded', 'failed']);

export const auditRowSchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: auditOutcomeSchema,
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditQuerySchema = z
  .object({
    actor: z.string().trim().min(1).max(100).optional(),
    action: z.string().trim().min(1).max(100).optional(),
    resourceType: z.string().trim().min(1).max(50).optional(),
    resourceId: z.string().trim().min(1).max(100).optional(),
    outcome: auditOutcomeSchema.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** Rows older than this sequence number (the `nextCursor` of the previous page). */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: 'from must not be after to',
    path: ['from'],
  });

export const auditPageSchema = z.object({
  rows: z.array(auditRowSchema),
  nextCursor: z.number().int().nullable(),
});

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  headSeq: z.number().int().nullable(),
  brokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});

export const auditRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/audit',
    summary: 'Audit log, newest first, filtered (city administrators)',
    tags: ['audit'],
    query: auditQuerySchema,
    response: auditPageSchema,
  }),
  verify: defineRoute({
    method: 'POST',
    path: '/api/audit/verify',
    summary: 'Check the hash chain of the audit log (city administrators)',
    tags: ['audit'],
    response: auditVerifySchema,
  }),
};
