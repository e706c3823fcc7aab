import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../modules/audit/audit-verify.ts';
import { verifyPassword } from '../modules/identity/password.ts';
import { openDatabase } from '../platform/db/database.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/gardenwatch.mjs');

function run(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('gardenwatch user add', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-user-add-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the first city administrator with a generated password, and refuses bad input', async () => {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };

    const bad = await run(['user', 'add', '--username', 'root', '--role', 'king'], env);
    const good = await run(['user', 'add', '--username', 'root', '--role', 'city_admin'], env);

    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--role');
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    const password = /password: (\S+)/.exec(good.stdout)?.[1] ?? '';
    expect(password).toHaveLength(20);

    const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'db') });
    try {
      const user = await handle.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'root')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({ role: 'city_admin', must_change_password: true });
      expect(await verifyPassword(user.password_hash, password)).toBe(true);
      const audit = await handle.db.selectFrom('audit_log').selectAll().execute();
      expect(audit).toMatchObject([
        { action: 'user.create', actor_id: null, resource_id: user.id },
      ]);
      expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, rows: 1 });
    } finally {
      await handle.close();
    }
  }, 180_000);
});
