import type { Actor, Staff } from '@gardenwatch/contracts';
import type { Db } from '../../platform/db/database.ts';
import type { Secrets } from '../../platform/secrets.ts';
import { maskIdentityNumber } from './identity-number.ts';
import { seesFullIdentityNumbers } from './staff-access.ts';
import { currentStaffQuery, openFlags, type CurrentStaffRow } from './staff.repository.ts';

export interface PresentDeps {
  db: Db;
  secrets: Secrets;
}

/** The identity number as this actor may see it: in full for city administrators only. */
export function shownIdentityNumber(secrets: Secrets, actor: Actor, sealed: string): string {
  const plain = secrets.decrypt(sealed);
  return seesFullIdentityNumbers(actor) ? plain : maskIdentityNumber(plain);
}

/** Current staff rows as the API shows them, with flags and other employments. */
export async function presentStaff(
  deps: PresentDeps,
  actor: Actor,
  rows: CurrentStaffRow[],
): Promise<Staff[]> {
  const ids = rows.map((r) => r.id);
  const flags = await openFlags(deps.db, ids);
  const elsewhere = await employedElsewhere(deps.db, rows);

  return rows.map((row) => ({
    id: row.id,
    kindergartenId: row.kindergartenId,
    identityNumber: shownIdentityNumber(deps.secrets, actor, row.idEncrypted),
    version: row.version,
    name: row.name,
    role: row.role,
    education: row.education,
    certificateNumber: row.certificateNumber,
    certificateValidUntil: row.certificateValidUntil,
    hiredOn: row.hiredOn,
    leftOn: row.leftOn,
    monthlyPayFen: row.monthlyPayFen,
    status: row.status,
    employedElsewhere: row.status !== 'left' && elsewhere.has(row.id),
    flags: flags
      .filter((f) => f.staff_id === row.id)
      .map((f) => ({ id: f.id, kind: f.kind, raisedAt: f.raised_at.toISOString() })),
    updatedAt: row.validFrom.toISOString(),
  }));
}

/** Ids of rows whose person is also current staff (not left) of another kindergarten. */
async function employedElsewhere(db: Db, rows: CurrentStaffRow[]): Promise<Set<string>> {
  const hashes = [...new Set(rows.map((r) => r.idHash))];
  if (hashes.length === 0) return new Set();
  const others = await currentStaffQuery(db)
    .where('s.id_hash', 'in', hashes)
    .where('v.status', '<>', 'left')
    .execute();

  const result = new Set<string>();
  for (const row of rows) {
    const other = others.some(
      (o) => o.id_hash === row.idHash && o.kindergarten_id !== row.kindergartenId,
    );
    if (other) result.add(row.id);
  }
  return result;
}
