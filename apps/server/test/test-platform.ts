import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inject } from 'vitest';
import { buildApp, type BuiltApp } from '../src/app.ts';
import { MemoryBus } from '../src/platform/bus.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { Platform } from '../src/platform/context.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';
import { Secrets } from '../src/platform/secrets.ts';
import { adminQuery, withDatabase } from './global-setup.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set for the run. */
export const backends: Backend[] = inject('postgresTemplateUrl')
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestPlatform {
  platform: Platform;
  handle: DatabaseHandle;
  dataDir: string;
  /** Every log line written so far, as parsed JSON. */
  logLines: () => Record<string, unknown>[];
  close(): Promise<void>;
}

let cloneCounter = 0;

/** A fresh, migrated database (PGlite from the run's snapshot, or a clone of the template). */
export async function createTestPlatform(backend: Backend = 'pglite'): Promise<TestPlatform> {
  const { handle, drop } = await freshDatabase(backend);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-test-'));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const platform: Platform = {
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'debug' }),
    db: handle.db,
    dbKind: handle.kind,
    logger: createLogger('debug', sink),
    secrets: new Secrets(Buffer.alloc(32, 7)),
    bus: new MemoryBus(),
    metrics: createMetrics(),
    now: () => new Date(),
  };
  return {
    platform,
    handle,
    dataDir,
    logLines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    close: async () => {
      await handle.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freshDatabase(
  backend: Backend,
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (backend === 'pglite') {
    const tar = readFileSync(inject('pgliteSnapshot'));
    const handle = await openDatabase({ pgliteDir: 'memory://', pgliteSnapshot: new Blob([tar]) });
    return { handle, drop: async () => {} };
  }

  const templateUrl = inject('postgresTemplateUrl');
  if (!templateUrl) throw new Error('no PostgreSQL server for this run (TEST_DATABASE_URL)');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${process.pid}_${++cloneCounter}`;
  const adminUrl = withDatabase(templateUrl, 'postgres');
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  const handle = await openDatabase({ databaseUrl: withDatabase(templateUrl, name) });
  return {
    handle,
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`).then(() => {}),
  };
}

export interface TestApp extends TestPlatform, BuiltApp {}

/** The whole HTTP application on a fresh database, for `app.inject` tests. */
export async function createTestApp(backend: Backend = 'pglite'): Promise<TestApp> {
  const test = await createTestPlatform(backend);
  const built = await buildApp(test.platform, undefined);
  return {
    ...test,
    ...built,
    close: async () => {
      await built.app.close();
      await test.close();
    },
  };
}
