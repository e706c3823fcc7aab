import type { PGlite } from '@electric-sql/pglite';

/**
 * Makes one PGlite instance look like the `pg` pool that Kysely's PostgresDialect drives.
 * PGlite has a single connection, so a connection is lent to one borrower at a time: a
 * transaction keeps it from `begin` to `commit` and other queries wait their turn.
 */
export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  async connect(): Promise<PGliteClient> {
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return new PGliteClient(this.pglite, release);
  }

  async end(): Promise<void> {
    await this.queue;
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteClient {
  private released = false;

  constructor(
    private readonly pglite: PGlite,
    private readonly onRelease: () => void,
  ) {}

  async query(sql: string, parameters: readonly unknown[] = []) {
    // A script of several statements (a migration) needs the simple protocol.
    const result =
      parameters.length === 0 && /;\s*\S/.test(sql)
        ? lastOf(await this.pglite.exec(sql))
        : await this.pglite.query<Record<string, unknown>>(sql, [...parameters]);
    return {
      command: commandOf(sql),
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows,
    };
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.onRelease();
  }
}

function lastOf(results: Awaited<ReturnType<PGlite['exec']>>) {
  const last = results.at(-1);
  return {
    rows: (last?.rows ?? []) as Record<string, unknown>[],
    affectedRows: last?.affectedRows,
  };
}

type Command = 'DELETE' | 'UPDATE' | 'INSERT' | 'SELECT' | 'MERGE';

function commandOf(sql: string): Command {
  const match = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|update|delete|merge|select)\b/i.exec(sql);
  return (match?.[1] ?? 'select').toUpperCase() as Command;
}
