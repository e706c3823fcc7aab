import type { AuditRow, auditQuerySchema } from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';

export type AuditQuery = z.output<typeof auditQuerySchema>;

/** A page of the audit log, newest first, paged by sequence number. */
export async function listAudit(
  db: Db,
  query: AuditQuery,
): Promise<{ rows: AuditRow[]; nextCursor: number | null }> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.actor) q = q.where('actor_username', '=', query.actor);
  if (query.action) q = q.where('action', 'like', `${escapeLike(query.action)}%`);
  if (query.resourceType) q = q.where('resource_type', '=', query.resourceType);
  if (query.resourceId) q = q.where('resource_id', '=', query.resourceId);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.from) q = q.where('at', '>=', new Date(query.from));
  if (query.to) q = q.where('at', '<=', new Date(query.to));
  if (query.before) q = q.where('seq', '<', query.before);

  const rows = await q
    .orderBy('seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    rows: page.map((r) => ({
      seq: r.seq,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      actorRole: r.actor_role,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      purpose: r.purpose,
      outcome: r.outcome,
      requestId: r.request_id,
      details: r.details,
      hash: r.hash,
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.seq ?? null) : null,
  };
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
