// Shared parts of the benchmarks: timing, percentiles, result files, child servers and a
// throwaway database on the PostgreSQL server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../apps/server/src/platform/db/schema.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The PostgreSQL server the benchmarks create their databases on. */
export const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Milliseconds, rounded to 0.01. */
export function summarise(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(mean),
  };
}

/** Runs `fn` `count` times one after another and returns each duration in milliseconds. */
export async function timeEach(count: number, fn: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Writes `bench/results/<name>.json` and returns its path. */
export function writeResult(name: string, result: unknown): string {
  const file = path.join(root, 'bench', 'results', `${name}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** Resolves with the first stdout line matching `pattern`; rejects on exit or timeout. */
export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number) {
  return new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => fail(new Error(`no ${pattern} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onExit = (code: number | null) =>
      fail(new Error(`exited with ${code} before ${pattern}`));
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      reject(error);
    };
    child.once('exit', onExit);
    lines.on('line', (line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(line);
    });
  });
}

/** Starts a TypeScript file of bench/ in its own Node process (through tsx). */
export function spawnTs(file: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench', file), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Ends a child and waits for it to go. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database on the PostgreSQL server, dropped by `drop()`. */
export async function scratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `gw_bench_${label}_${process.pid}`;
  await adminQuery(`drop database if exists ${name} with (force)`);
  await adminQuery(`create database ${name}`);
  return {
    url: withDatabase(postgresAdminUrl, name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

/** A fixed 32-byte server key (hex), so that the bench and its servers hash alike. */
export const benchSecretKey = '5a'.repeat(32);

/**
 * How fast the database server's CPU is at the moment: the best of three counts of a million
 * generated rows (about 60 ms on an idle current core). The machine is shared, so results are
 * read against it.
 */
export async function databaseCpuProbeMs(db: Kysely<Database>): Promise<number> {
  const times = await timeEach(3, () =>
    sql`select count(*) from generate_series(1, 1000000)`.execute(db),
  );
  return Math.round(Math.min(...times));
}
