/**
 * The hiring check (`HiringCheckService.check`: identity number validated, keyed hash, blacklist
 * lookup, the check row and its audit row in one transaction) with 1,000,000 blacklist entries
 * on the PostgreSQL server, one check after another, one in ten a hit. Floors in the same run:
 * the bare indexed lookup `select 1 from blacklist_entries where id_hash = $1` and the service's
 * own lookup query alone, and a durable one-row commit (`insert` into an empty table, the WAL
 * flush every audited check waits for). Run: `npx tsx bench/hiring-check.bench.ts`.
 * Environment: BENCH_ENTRIES (default 1000000), BENCH_CHECKS (default 1000).
 */
import os from 'node:os';
import { sql } from 'kysely';
import { barredAmong, dayOf } from '../apps/server/src/modules/blacklist/blacklist.repository.ts';
import { databaseCpuProbeMs, summarise, timeEach, writeResult } from './bench-kit.ts';
import { benchActor, benchIdentityNumber, openBenchPlatform, seedCity } from './staff-kit.ts';

const entries = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const checks = Number(process.env.BENCH_CHECKS ?? 1000);
const BATCH = 20_000;
const TARGET_P99_MS = 10;

const bench = await openBenchPlatform('hiring');
const { platform, services } = bench;
const { db, secrets } = platform;
try {
  const fillStarted = performance.now();
  // Bulk load: the index of the migration is dropped for the fill and built again after it.
  await sql`drop index blacklist_entries_hash_idx`.execute(db);
  for (let from = 0; from < entries; from += BATCH) {
    const numbers = Array.from({ length: Math.min(BATCH, entries - from) }, (_, i) =>
      benchIdentityNumber(from + i),
    );
    const hashes = numbers.map((n) => secrets.keyedHash(n));
    const sealed = numbers.map((n) => secrets.encrypt(n));
    await sql`
      insert into blacklist_entries
        (id_hash, id_encrypted, name, reason, decision_document, decision_authority,
         decision_date, until_date)
      select h, e, '黑名单' || n, (array['child_abuse', 'sexual_offence', 'violence',
          'other_misconduct'])[1 + n % 4], 'DOC-' || n, 'Bench Court', date '2020-01-01',
        case when n % 5 = 0 then date '2099-12-31' end
      from unnest(${hashes}::text[], ${sealed}::text[]) with ordinality as t(h, e, n)`.execute(db);
  }
  await sql`create index blacklist_entries_hash_idx on blacklist_entries (id_hash)`.execute(db);
  await sql`analyze blacklist_entries`.execute(db);
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  const city = await seedCity(platform, 1, 1);
  const kg = city.kindergartens[0]!;
  const principal = await benchActor(platform, 'principal', {
    districtId: kg.districtId,
    kindergartenId: kg.id,
  });
  // One candidate in ten is on the list (spread over it); the others are from another area.
  const candidate = (i: number) =>
    i % 10 === 0
      ? benchIdentityNumber(Math.floor((i * 7919) % entries))
      : benchIdentityNumber(i, '110101');
  const check = (i: number) =>
    services.staff.hiring.check(principal, {
      kindergartenId: kg.id,
      identityNumber: candidate(i),
      name: '候选人',
      consentReference: `CONSENT-${i}`,
      purpose: 'pre-employment check',
    });
  const hashOf = (i: number) => secrets.keyedHash(candidate(i));
  const bare = (i: number) =>
    sql`select 1 from blacklist_entries where id_hash = ${hashOf(i)}`.execute(db);
  const lookup = (i: number) => barredAmong(db, [hashOf(i)], dayOf(new Date()));

  await sql`create table bench_commit_floor (x int)`.execute(db);
  const commit = () => sql`insert into bench_commit_floor values (1)`.execute(db);

  await timeEach(50, (i) => check(checks + i));
  await timeEach(50, bare);
  const results = {
    bareLookup: summarise(await timeEach(checks, bare)),
    serviceLookup: summarise(await timeEach(checks, lookup)),
    durableCommit: summarise(await timeEach(checks, commit)),
    hiringCheck: summarise(await timeEach(checks, check)),
  };
  const hits = await db
    .selectFrom('hiring_checks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('result', '=', 'not_eligible')
    .executeTakeFirstOrThrow();
  const plan = await sql<{ 'QUERY PLAN': string }>`explain analyze
    select distinct id_hash from blacklist_entries
    where id_hash in (${hashOf(0)}) and removed_at is null and appeal_status <> 'overturned'
      and (until_date is null or until_date >= ${dayOf(new Date())})`.execute(db);

  const probeMs = await databaseCpuProbeMs(platform.db);
  const file = writeResult('hiring-check', {
    entries,
    checks,
    databaseCpuProbeMs: probeMs,
    loadAverage: os.loadavg(),
    fillSeconds: Math.round(fillSeconds),
    notEligibleAnswers: Number(hits.n),
    results,
    lookupPlan: plan.rows.map((r) => r['QUERY PLAN']),
    target: {
      p99Ms: TARGET_P99_MS,
      measuredP99Ms: results.hiringCheck.p99,
      met: results.hiringCheck.p99 <= TARGET_P99_MS,
    },
  });
  console.log(`${entries} entries filled in ${fillSeconds.toFixed(1)} s`);
  console.table(
    Object.entries(results).map(([what, s]) => ({
      what,
      runs: s.count,
      'p50 (ms)': s.p50,
      'p99 (ms)': s.p99,
      'max (ms)': s.max,
      'p99 / bare': (s.p99 / results.bareLookup.p99).toFixed(1),
    })),
  );
  console.log(
    `database CPU probe: ${probeMs} ms (about 60 idle); load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`results: ${file}`);
} finally {
  await bench.close();
}
