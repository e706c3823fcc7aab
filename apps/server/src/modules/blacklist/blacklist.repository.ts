import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Eb = ExpressionBuilder<Database, 'blacklist_entries'>;

/** An entry bars a person while not removed, not overturned on appeal and not past its end. */
export const effectiveOn = (today: string) => (eb: Eb) =>
  eb.and([
    eb('blacklist_entries.removed_at', 'is', null),
    eb('blacklist_entries.appeal_status', '<>', 'overturned'),
    eb.or([
      eb('blacklist_entries.until_date', 'is', null),
      eb('blacklist_entries.until_date', '>=', today),
    ]),
  ]);

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Of the given keyed hashes, those barred today. */
export async function barredAmong(db: Db, hashes: string[], today: string): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom('blacklist_entries')
    .select('id_hash')
    .distinct()
    .where('id_hash', 'in', hashes)
    .where(effectiveOn(today))
    .execute();
  return new Set(rows.map((r) => r.id_hash));
}

export function entryQuery(db: Db) {
  return db
    .selectFrom('blacklist_entries')
    .select([
      'id',
      'id_encrypted',
      'name',
      'reason',
      'decision_document',
      'decision_authority',
      sql<string>`decision_date::text`.as('decision_date'),
      sql<string | null>`until_date::text`.as('until_date'),
      'appeal_status',
      'removed_at',
      'created_at',
      'updated_at',
    ]);
}

export type EntryRow = Awaited<ReturnType<ReturnType<typeof entryQuery>['execute']>>[number];

export async function eventsOf(db: Db, entryId: string) {
  return db
    .selectFrom('blacklist_events')
    .select([
      'kind',
      'appeal_status',
      'note',
      sql<string | null>`decided_on::text`.as('decided_on'),
      'recorded_by',
      'recorded_at',
    ])
    .where('entry_id', '=', entryId)
    .orderBy('id')
    .execute();
}
