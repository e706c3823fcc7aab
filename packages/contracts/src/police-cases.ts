import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** The longest window one case opens. */
export const MAX_CASE_DAYS = 31;

export const policeCaseCreateSchema = z
  .object({
    caseNumber: z.string().trim().min(1).max(64),
    kindergartenId: z.uuid(),
    from: timestamp,
    to: timestamp,
    reason: z.string().trim().min(1).max(1000),
    /** Areas asked for; key areas open at once, the others wait for the district reviewer. */
    areaIds: z.array(z.uuid()).min(1).max(50),
  })
  .refine((b) => Date.parse(b.from) < Date.parse(b.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine((b) => Date.parse(b.to) - Date.parse(b.from) <= MAX_CASE_DAYS * 86_400_000, {
    message: `a case may span at most ${MAX_CASE_DAYS} days`,
    path: ['to'],
  });
export type PoliceCaseCreate = z.infer<typeof policeCaseCreateSchema>;

export const policeCaseSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  officerId: z.uuid(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  from: timestamp,
  to: timestamp,
  reason: z.string(),
  createdAt: timestamp,
  areas: z.array(
    z.object({
      areaId: z.uuid(),
      isKey: z.boolean(),
      status: z.enum(['open', 'pending', 'approved', 'rejected']),
    }),
  ),
});
export type PoliceCase = z.infer<typeof policeCaseSchema>;

const t = ['police-cases'];
const areaParams = z.object({ id: z.uuid(), areaId: z.uuid() });

export const policeCaseRoutes = {
  create: defineRoute({
    method: 'POST',
    path: '/api/police-cases',
    summary: 'Register a case: key areas open at once, others wait for approval',
    tags: t,
    body: policeCaseCreateSchema,
    response: policeCaseSchema,
    status: 201,
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/police-cases',
    summary: "An officer's cases, or a district reviewer's district's cases",
    tags: t,
    response: z.object({ items: z.array(policeCaseSchema) }),
  }),
  decideArea: defineRoute({
    method: 'POST',
    path: '/api/police-cases/:id/areas/:areaId/decision',
    summary: 'Approve or refuse footage of a non-key area under a case (district reviewer)',
    tags: t,
    params: areaParams,
    body: z.object({ approve: z.boolean() }),
    response: policeCaseSchema,
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/police-cases/:id/close',
    summary: 'Close a case: its areas close with it',
    tags: t,
    params: idParams,
    response: policeCaseSchema,
  }),
};
