import type { StaffFields, StaffStatus } from '@gardenwatch/contracts';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

export type Tx = Transaction<Database>;
type Conn = Db | Tx;

export interface VersionFields extends StaffFields {
  status: StaffStatus;
}

export interface CurrentStaffRow extends VersionFields {
  id: string;
  kindergartenId: string;
  idHash: string;
  idEncrypted: string;
  version: number;
  validFrom: Date;
}

export interface VersionMeta {
  source: 'manual' | 'import' | 'system';
  by: string | null;
  at: Date;
}

const text = (column: string) => sql<string>`${sql.ref(column)}::text`;
const textOrNull = (column: string) => sql<string | null>`${sql.ref(column)}::text`;

export function currentStaffQuery(db: Conn) {
  return db
    .selectFrom('staff as s')
    .innerJoin('staff_versions as v', (join) =>
      join.onRef('v.staff_id', '=', 's.id').on('v.valid_to', 'is', null),
    )
    .select([
      's.id',
      's.kindergarten_id',
      's.id_hash',
      's.id_encrypted',
      'v.version',
      'v.name',
      'v.role',
      'v.education',
      'v.certificate_number',
      textOrNull('v.certificate_valid_until').as('certificate_valid_until'),
      text('v.hired_on').as('hired_on'),
      textOrNull('v.left_on').as('left_on'),
      'v.monthly_pay_fen',
      'v.status',
      'v.valid_from',
    ]);
}

type RawCurrent = Awaited<ReturnType<ReturnType<typeof currentStaffQuery>['execute']>>[number];

export function toCurrent(row: RawCurrent): CurrentStaffRow {
  return {
    id: row.id,
    kindergartenId: row.kindergarten_id,
    idHash: row.id_hash,
    idEncrypted: row.id_encrypted,
    version: row.version,
    name: row.name,
    role: row.role as CurrentStaffRow['role'],
    education: row.education as CurrentStaffRow['education'],
    certificateNumber: row.certificate_number,
    certificateValidUntil: row.certificate_valid_until,
    hiredOn: row.hired_on,
    leftOn: row.left_on,
    monthlyPayFen: row.monthly_pay_fen,
    status: row.status as StaffStatus,
    validFrom: row.valid_from,
  };
}

export async function findCurrent(db: Conn, staffId: string): Promise<CurrentStaffRow | null> {
  const row = await currentStaffQuery(db).where('s.id', '=', staffId).executeTakeFirst();
  return row ? toCurrent(row) : null;
}

export async function findCurrentByHashes(
  db: Conn,
  kindergartenId: string,
  hashes: string[],
): Promise<CurrentStaffRow[]> {
  if (hashes.length === 0) return [];
  const rows = await currentStaffQuery(db)
    .where('s.kindergarten_id', '=', kindergartenId)
    .where('s.id_hash', 'in', hashes)
    .execute();
  return rows.map(toCurrent);
}

export function versionValues(staffId: string, version: number, f: VersionFields, m: VersionMeta) {
  return {
    staff_id: staffId,
    version,
    name: f.name,
    role: f.role,
    education: f.education,
    certificate_number: f.certificateNumber,
    certificate_valid_until: f.certificateValidUntil,
    hired_on: f.hiredOn,
    left_on: f.leftOn,
    monthly_pay_fen: f.monthlyPayFen,
    status: f.status,
    change_source: m.source,
    changed_by: m.by,
    valid_from: m.at,
  };
}

/** Closes the current version and appends the next one; nothing is overwritten. */
export async function appendVersion(
  tx: Tx,
  staffId: string,
  fields: VersionFields,
  meta: VersionMeta,
): Promise<number> {
  const closed = await tx
    .updateTable('staff_versions')
    .set({ valid_to: meta.at })
    .where('staff_id', '=', staffId)
    .where('valid_to', 'is', null)
    .returning('version')
    .executeTakeFirst();
  const version = (closed?.version ?? 0) + 1;
  await tx
    .insertInto('staff_versions')
    .values(versionValues(staffId, version, fields, meta))
    .execute();
  return version;
}

/** Of the given hashes, those that are current staff (not left) of another kindergarten. */
export async function hashesEmployedElsewhere(
  db: Conn,
  kindergartenId: string,
  hashes: string[],
): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await currentStaffQuery(db)
    .where('s.id_hash', 'in', hashes)
    .where('s.kindergarten_id', '<>', kindergartenId)
    .where('v.status', '<>', 'left')
    .execute();
  return new Set(rows.map((r) => r.id_hash));
}

export async function openFlags(db: Conn, staffIds: string[]) {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('staff_flags')
    .select(['id', 'staff_id', 'kind', 'raised_at'])
    .where('staff_id', 'in', staffIds)
    .where('resolved_at', 'is', null)
    .execute();
}

export async function versionsOf(db: Conn, staffId: string) {
  return db
    .selectFrom('staff_versions as v')
    .select([
      'v.version',
      'v.name',
      'v.role',
      'v.education',
      'v.certificate_number',
      textOrNull('v.certificate_valid_until').as('certificate_valid_until'),
      text('v.hired_on').as('hired_on'),
      textOrNull('v.left_on').as('left_on'),
      'v.monthly_pay_fen',
      'v.status',
      'v.change_source',
      'v.changed_by',
      'v.valid_from',
      'v.valid_to',
    ])
    .where('v.staff_id', '=', staffId)
    .orderBy('v.version', 'desc')
    .execute();
}
