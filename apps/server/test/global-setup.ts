import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplateUrl: string | null;
  }
}

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Once per run: a migrated PGlite data folder that each test file loads (creating PGlite from
 * scratch costs seconds), and, when TEST_DATABASE_URL names a PostgreSQL server, a fresh
 * migrated template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  const snapshotFile = path.join(root, '.tmp', `pglite-${process.pid}.tar`);
  mkdirSync(path.dirname(snapshotFile), { recursive: true });
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await migrate(handle);
  const dump = await handle.dumpDataDir!();
  writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', snapshotFile);

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    project.provide('postgresTemplateUrl', null);
    return;
  }
  const name = `gw_test_${Date.now()}_${process.pid}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const templateUrl = withDatabase(adminUrl, name);
  const pgHandle = await openDatabase({ databaseUrl: templateUrl });
  await migrate(pgHandle);
  await pgHandle.close();
  project.provide('postgresTemplateUrl', templateUrl);

  return async () => {
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    const clones = await adminQuery(
      adminUrl,
      `select datname from pg_database where datname like '${name}_%'`,
    );
    for (const row of clones.rows as { datname: string }[]) {
      await adminQuery(adminUrl, `drop database if exists ${row.datname} with (force)`);
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}
