import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.ts';

export const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies the SQL files of `migrations/` in name order, each in its own transaction, under an
 * advisory lock so that two processes starting together do not race. A file that was applied
 * and has since changed stops the run: history is never rewritten.
 */
export async function migrate(
  handle: DatabaseHandle,
  dir = migrationsDir,
): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();

  await handle.execScript(`
    create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);

  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const name of files) {
    const body = readFileSync(path.join(dir, name), 'utf8');
    const checksum = createHash('sha256').update(body).digest('hex');
    const done = await applyOne(handle, name, body, checksum);
    if (done) applied.push(name);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}

async function applyOne(
  handle: DatabaseHandle,
  name: string,
  body: string,
  checksum: string,
): Promise<boolean> {
  return handle.db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      await sql`select pg_advisory_xact_lock(872301)`.execute(conn);
      const existing = await sql<{ checksum: string }>`
        select checksum from schema_migrations where name = ${name}`.execute(conn);
      const row = existing.rows[0];
      if (row) {
        if (row.checksum !== checksum) {
          throw new Error(`migration ${name} was changed after it was applied`);
        }
        await sql`commit`.execute(conn);
        return false;
      }
      await sql.raw(body).execute(conn);
      await sql`insert into schema_migrations (name, checksum) values (${name}, ${checksum})`.execute(
        conn,
      );
      await sql`commit`.execute(conn);
      return true;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
