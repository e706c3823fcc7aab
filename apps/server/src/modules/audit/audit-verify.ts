import type { Db } from '../../platform/db/database.ts';
import { GENESIS_HASH, auditRowHash } from './audit-hash.ts';

export type VerifyResult =
  | { ok: true; rows: number; headSeq: number; headHash: string }
  | { ok: false; rows: number; brokenSeq: number; reason: string };

const BATCH = 2_000;

/**
 * Walks the whole chain in order. A row whose content was edited no longer matches its hash;
 * a row removed from the middle leaves a gap in `seq` and a broken link. Removing rows from the
 * end cannot be seen from the chain alone: compare `headSeq`/`headHash` with a value noted
 * earlier (the CLI prints them for that purpose).
 */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;

  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (batch.length === 0) break;

    for (const row of batch) {
      if (row.seq !== expectedSeq) {
        return { ok: false, rows, brokenSeq: expectedSeq, reason: `row ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          brokenSeq: row.seq,
          reason: 'link to the previous row is broken',
        };
      }
      if (auditRowHash(row) !== row.hash) {
        return { ok: false, rows, brokenSeq: row.seq, reason: 'content does not match its hash' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
  }
  return { ok: true, rows, headSeq: expectedSeq - 1, headHash: prevHash };
}
