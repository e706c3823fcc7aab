/**
 * The kindergarten page's API read (`GET /api/kindergartens/:id/page`, signed in as the city
 * administrator) over loopback with autocannon, on PGlite and on the PostgreSQL server, against
 * a bare Fastify route answering the same JSON from memory (the ceiling), in one run. Each server
 * runs in its own process; the load generator runs here. For each: the most requests per second
 * with 10 connections and its p99, then p99 at a fixed 1,000 requests per second. The ceiling
 * runs twice (before and after PostgreSQL) and its better run counts. Then the page query alone
 * (no HTTP, no cache), one after another, on each database.
 * Run: `npx tsx bench/kindergarten-page.bench.ts`. Environment: BENCH_SECONDS (default 10).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { pageRows } from '../apps/server/src/modules/org/org-page.repository.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';
import {
  benchSecretKey,
  scratchDatabase,
  spawnTs,
  stopChild,
  summarise,
  timeEach,
  waitForLine,
  writeResult,
  type LatencySummary,
} from './bench-kit.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const FIXED_RATE = 1000;
const QUERY_RUNS = 1000;
const password = 'bench-demo-password';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-page-'));
const pageFile = path.join(scratch, 'page.json');
const CEILING = 'ceiling (bare Fastify, JSON from memory)';

interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

interface TargetResult {
  target: string;
  max: LoadResult;
  fixedRate: LoadResult;
  query?: LatencySummary;
}

async function load(url: string, cookie: string, rate?: number): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: cookie ? { cookie } : {},
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city-admin', password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('gw_session='));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

/** The kindergarten with the most areas, so that the page is the largest of the demo. */
async function pickKindergarten(base: string, cookie: string): Promise<string> {
  const response = await fetch(`${base}/api/org/tree`, { headers: { cookie } });
  const tree = (await response.json()) as {
    cities: { districts: { kindergartens: { id: string; areaCount: number }[] }[] }[];
  };
  const all = tree.cities.flatMap((c) => c.districts.flatMap((d) => d.kindergartens));
  all.sort((a, b) => b.areaCount - a.areaCount);
  if (!all[0]) throw new Error('the demo city has no kindergarten');
  return all[0].id;
}

async function measure(
  target: string,
  mode: 'app' | 'ceiling',
  env: NodeJS.ProcessEnv,
  ceilingId = '',
): Promise<TargetResult & { id: string }> {
  const server = spawnTs('kindergarten-page-server.ts', [mode], env);
  try {
    const port = (await waitForLine(server, /^ready \d+$/, 180_000)).split(' ')[1];
    const base = `http://127.0.0.1:${port}`;
    const cookie = mode === 'app' ? await signIn(base) : '';
    const id = mode === 'app' ? await pickKindergarten(base, cookie) : ceilingId;
    const url = `${base}/api/kindergartens/${id}/page`;
    const page = await fetch(url, { headers: { cookie } });
    if (page.status !== 200) throw new Error(`${target}: page answered ${page.status}`);
    if (mode === 'app') writeFileSync(pageFile, await page.text());

    await autocannon({ url, connections: CONNECTIONS, duration: 2, headers: { cookie } });
    const max = await load(url, cookie);
    const fixedRate = await load(url, cookie, FIXED_RATE);
    return { target, id, max, fixedRate };
  } finally {
    await stopChild(server);
  }
}

async function queryTimes(databaseUrl: string | undefined, pgliteDir: string, id: string) {
  const handle = await openDatabase({ databaseUrl, pgliteDir });
  try {
    await timeEach(50, () => pageRows(handle.db, id));
    return summarise(await timeEach(QUERY_RUNS, () => pageRows(handle.db, id)));
  } finally {
    await handle.close();
  }
}

const common = { SECRET_KEY: benchSecretKey, GARDENWATCH_DEMO_PASSWORD: password };
const pgliteData = path.join(scratch, 'data');
const postgres = await scratchDatabase('page');
const results: TargetResult[] = [];
try {
  const lite = await measure('PGlite', 'app', { ...common, DATA_DIR: pgliteData });
  lite.query = await queryTimes(undefined, path.join(pgliteData, 'db'), lite.id);
  const ceilingEnv = { BENCH_PAGE_FILE: pageFile };
  const ceiling = await measure(CEILING, 'ceiling', ceilingEnv, lite.id);
  const server = await measure('PostgreSQL', 'app', {
    ...common,
    DATA_DIR: path.join(scratch, 'pg-data'),
    DATABASE_URL: postgres.url,
  });
  server.query = await queryTimes(postgres.url, '', server.id);
  // The machine is shared: the ceiling runs before and after, and the better run counts.
  const again = await measure(CEILING, 'ceiling', ceilingEnv, lite.id);
  const best = again.max.requestsPerSecond > ceiling.max.requestsPerSecond ? again : ceiling;
  results.push(best, lite, server);
} finally {
  await postgres.drop();
  rmSync(scratch, { recursive: true, force: true });
}

const ceilingRps = results[0]!.max.requestsPerSecond;
const pgResult = results[2]!;
const file = writeResult('kindergarten-page', {
  seconds,
  connections: CONNECTIONS,
  fixedRate: FIXED_RATE,
  cores: os.availableParallelism(),
  results,
  targets: {
    postgresShareOfCeiling: pgResult.max.requestsPerSecond / ceilingRps,
    postgresShareOfCeilingMet: pgResult.max.requestsPerSecond >= ceilingRps / 2,
    postgresP99AtFixedRateMs: pgResult.fixedRate.p99Ms,
    postgresP99AtFixedRateMet: pgResult.fixedRate.p99Ms <= 20,
  },
});
console.table(
  results.map((r) => ({
    target: r.target,
    'max req/s': r.max.requestsPerSecond,
    'vs ceiling': (r.max.requestsPerSecond / ceilingRps).toFixed(2),
    'p99 at max (ms)': r.max.p99Ms,
    [`req/s at ${FIXED_RATE}`]: r.fixedRate.requestsPerSecond,
    [`p99 at ${FIXED_RATE} (ms)`]: r.fixedRate.p99Ms,
    'non-2xx': r.max.non2xx + r.fixedRate.non2xx,
    'query p50 (ms)': r.query?.p50 ?? '-',
    'query p99 (ms)': r.query?.p99 ?? '-',
  })),
);
console.log(`results: ${file}`);
