import type { Db } from '../../platform/db/database.ts';
import { selectUsers, type DbOrTx } from './users.repository.ts';

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  now: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: DbOrTx, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/** The session with its user, in one query: this runs on every signed-in request. */
export function findSessionWithUser(db: DbOrTx, tokenHash: string) {
  return selectUsers(db)
    .innerJoin('sessions as s', 's.user_id', 'u.id')
    .select(['s.token_hash', 's.csrf_token', 's.last_seen_at', 's.expires_at'])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export async function touchSession(
  db: Db,
  tokenHash: string,
  lastSeenAt: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends every session of the user, except the one named (the caller's own). */
export async function deleteUserSessions(
  db: DbOrTx,
  userId: string,
  except?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except) query = query.where('token_hash', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sweeps out every ended session; run at each sign-in, so the table stays small. */
export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
