import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';

/** A notice of a blacklist hit: ids only, never the entry's reason or details. */
export const noticeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['hiring_hit', 'screening_hit', 'footage_request', 'footage_request_due']),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  staffId: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
});

const t = ['notices'];

export const noticeRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/notices',
    summary: 'Notices of blacklist hits the caller may see, newest first',
    tags: t,
    response: z.object({ items: z.array(noticeSchema) }),
  }),
  acknowledge: defineRoute({
    method: 'POST',
    path: '/api/notices/:id/acknowledge',
    summary: 'Acknowledge a notice (audited)',
    tags: t,
    params: idParams,
    response: z.object({ ok: z.literal(true) }),
  }),
};
