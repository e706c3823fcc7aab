import { createHash } from 'node:crypto';

/** The fields of an audit row that its hash covers, in a fixed order. */
export interface HashedAuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  outcome: string;
  request_id: string | null;
  ip: string | null;
  details: unknown;
  prev_hash: string;
}

/** The hash the first row points back to. */
export const GENESIS_HASH = '0'.repeat(64);

export function auditRowHash(row: HashedAuditRow): string {
  const fields = [
    row.seq,
    row.at.toISOString(),
    row.actor_id,
    row.actor_username,
    row.actor_role,
    row.action,
    row.resource_type,
    row.resource_id,
    row.purpose,
    row.outcome,
    row.request_id,
    row.ip,
    canonical(row.details),
    row.prev_hash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** JSON with object keys sorted, so that jsonb's own key order cannot change the hash. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
