import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditService } from '../modules/audit/audit.service.ts';
import { openDatabase } from '../platform/db/database.ts';

const bin = fileURLToPath(new URL('../../bin/gardenwatch.mjs', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  new Promise((resolve) => {
    const clean = {
      ...process.env,
      SECRET_KEY: '',
      DATABASE_URL: '',
      NATS_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    };
    execFile(
      process.execPath,
      [bin, ...args],
      { env: clean, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });

describe('gardenwatch command line', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const withDb = async (work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>) => {
    const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
    try {
      await work(handle);
    } finally {
      await handle.close();
    }
  };

  it('stops with exit code 2 and one line naming a bad variable', async () => {
    const result = await run(['start', '--data', dataDir], { PORT: 'eighty' });

    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PORT');
  });

  it(
    'audit verify exits 0 on an intact chain and 1 naming the first edited row',
    { timeout: 180_000 },
    async () => {
      const migrated = await run(['migrate', '--data', dataDir]);
      expect(migrated.code).toBe(0);
      await withDb(async ({ db }) => {
        const audit = new AuditService({ db, now: () => new Date() });
        for (const resourceId of ['a', 'b', 'c']) {
          await audit.record({
            actor: null,
            action: 'test.write',
            resourceType: 'test',
            resourceId,
            outcome: 'succeeded',
          });
        }
      });

      const intact = await run(['audit', 'verify', '--data', dataDir]);
      expect(intact).toMatchObject({ code: 0 });
      expect(intact.stdout).toMatch(/audit chain intact: 3 rows; head seq 3 hash [0-9a-f]{64}/);

      await withDb(async ({ db }) => {
        await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
        await sql`update audit_log set resource_id = 'z' where seq = 2`.execute(db);
      });
      const broken = await run(['audit', 'verify', '--data', dataDir]);

      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain('audit chain BROKEN at row 2');
    },
  );

  it('prints help for each command', async () => {
    const cases: [string[], string][] = [
      [['--help'], 'Usage: gardenwatch'],
      [['start', '--help'], '--demo'],
      [['migrate', '--help'], '--data <dir>'],
      [['user', 'add', '--help'], '--username'],
      [['audit', 'verify', '--help'], '--data <dir>'],
    ];
    const runs = await Promise.all(cases.map(([args]) => run(args)));

    runs.forEach((help, i) => {
      const [args, expected] = cases[i]!;
      expect({ args, code: help.code }).toEqual({ args, code: 0 });
      expect(help.stdout).toContain(expected);
    });
  });
});
