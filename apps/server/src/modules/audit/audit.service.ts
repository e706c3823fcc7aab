import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { GENESIS_HASH, auditRowHash, type HashedAuditRow } from './audit-hash.ts';
import type { AuditEntry } from './audit.types.ts';

const AUDIT_LOCK = 5_550_001;

export type DbOrTx = Db | Transaction<Database>;

export interface AuditServiceDeps {
  db: Db;
  now: () => Date;
}

export class AuditService {
  constructor(private readonly deps: AuditServiceDeps) {}

  /**
   * Appends one row to the chain. Pass the caller's transaction so that the change and its
   * audit row are written together or not at all.
   */
  async record(
    entry: AuditEntry,
    tx?: Transaction<Database>,
  ): Promise<{ seq: number; hash: string }> {
    if (tx) return this.append(tx, entry);
    return this.deps.db.transaction().execute((t) => this.append(t, entry));
  }

  private async append(tx: Transaction<Database>, entry: AuditEntry) {
    // The lock orders writers so that each row links to the one committed before it.
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(tx);
    const last = await tx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();

    const row: HashedAuditRow = {
      seq: (last?.seq ?? 0) + 1,
      at: this.deps.now(),
      actor_id: entry.actor?.id ?? null,
      actor_username: entry.actor?.username ?? null,
      actor_role: entry.actor?.role ?? null,
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId ?? null,
      purpose: entry.purpose ?? null,
      outcome: entry.outcome,
      request_id: entry.requestId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? {},
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    const hash = auditRowHash(row);
    await tx
      .insertInto('audit_log')
      .values({ ...row, outcome: entry.outcome, details: JSON.stringify(row.details), hash })
      .execute();
    return { seq: row.seq, hash };
  }
}
