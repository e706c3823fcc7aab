/**
 * The staff dashboards (qualifications, certificates, pay) for a generated city of 2,000
 * kindergartens in 20 districts and 120,000 staff (with a closed older version for one in ten)
 * on the PostgreSQL server, each through its service for the city (city administrator), one
 * district (its reviewer) and one kindergarten (its principal). Floor in the same run: a bare
 * count of the current versions, the least any city-wide figure must read.
 * Run: `npx tsx bench/staff-dashboard.bench.ts`. Environment: BENCH_KINDERGARTENS (default
 * 2000), BENCH_STAFF_PER_KINDERGARTEN (default 60), BENCH_RUNS (default 20).
 */
import os from 'node:os';
import { sql } from 'kysely';
import { databaseCpuProbeMs, summarise, timeEach, writeResult } from './bench-kit.ts';
import { benchActor, openBenchPlatform, seedCity } from './staff-kit.ts';

const kindergartens = Number(process.env.BENCH_KINDERGARTENS ?? 2000);
const perKindergarten = Number(process.env.BENCH_STAFF_PER_KINDERGARTEN ?? 60);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const DISTRICTS = 20;
const TARGET_MS = 200;

const bench = await openBenchPlatform('dashboard');
const { platform, services } = bench;
const { db } = platform;
try {
  const fillStarted = performance.now();
  const city = await seedCity(platform, DISTRICTS, kindergartens);
  await sql`
    insert into staff (kindergarten_id, id_hash, id_encrypted)
    select k.id, encode(sha256((k.id::text || '/' || i)::bytea), 'hex'), 'v1.bench'
    from kindergartens k, generate_series(1, ${perKindergarten}) i`.execute(db);
  // Roles, education, certificates and pay spread so that the figures are not trivial: about
  // 40% teachers, most with associate college or above, some certificates expired or missing.
  await sql`
    insert into staff_versions (staff_id, version, name, role, education, certificate_number,
      certificate_valid_until, hired_on, monthly_pay_fen, status, change_source, valid_to)
    select s.id, v.version, '员工' || s.n, r.role,
      (array['junior_secondary', 'secondary', 'associate', 'bachelor', 'master'])
        [1 + (case when s.n % 10 < 9 then 2 + s.n % 3 else s.n % 2 end)],
      case when s.n % 23 = 0 then null else 'C' || s.n end,
      case when s.n % 23 = 0 then null
        else date '2024-01-01' + (s.n % 2500) end,
      date '2015-09-01' + (s.n % 3000), 400000 + (s.n * 7919) % 500000,
      case when v.version = 2 or s.n % 10 <> 0 then 'active' else 'pending_check' end,
      'system',
      case when v.version = 1 and s.n % 10 = 0 then now() end
    from (select id, (row_number() over ())::int as n from staff) s
    cross join lateral (values
      ((array['teacher', 'teacher', 'teacher', 'teacher', 'assistant', 'assistant', 'cook',
        'security', 'cleaner', 'health'])[1 + s.n % 10])) r(role)
    cross join lateral generate_series(1, case when s.n % 10 = 0 then 2 else 1 end) v(version)`.execute(
    db,
  );
  await sql`vacuum analyze`.execute(db);
  const fillSeconds = (performance.now() - fillStarted) / 1000;

  const kg = city.kindergartens[0]!;
  const cityAdmin = await benchActor(platform, 'city_admin');
  const reviewer = await benchActor(platform, 'district_reviewer', { districtId: kg.districtId });
  const principal = await benchActor(platform, 'principal', {
    districtId: kg.districtId,
    kindergartenId: kg.id,
  });
  const d = services.staff.dashboards;
  const scopes = { city: cityAdmin, district: reviewer, kindergarten: principal };
  const cases: { name: string; fn: () => Promise<unknown> }[] = [
    {
      name: 'floor: count current versions',
      fn: () => sql`select count(*) from staff_versions where valid_to is null`.execute(db),
    },
  ];
  for (const [scope, ctx] of Object.entries(scopes)) {
    cases.push({ name: `qualifications (${scope})`, fn: () => d.qualifications(ctx, {}) });
    cases.push({ name: `certificates (${scope})`, fn: () => d.certificates(ctx, {}) });
    cases.push({ name: `pay (${scope})`, fn: () => d.pay(ctx, {}) });
  }

  const results = [];
  for (const c of cases) {
    await timeEach(3, c.fn);
    results.push({ name: c.name, ...summarise(await timeEach(runs, c.fn)) });
  }
  const staffCount = await sql<{ n: number }>`select count(*)::int as n from staff`.execute(db);
  const worst = Math.max(...results.slice(1).map((r) => r.p99));
  const probeMs = await databaseCpuProbeMs(platform.db);
  const file = writeResult('staff-dashboard', {
    kindergartens,
    districts: DISTRICTS,
    databaseCpuProbeMs: probeMs,
    loadAverage: os.loadavg(),
    staff: staffCount.rows[0]?.n,
    fillSeconds: Math.round(fillSeconds),
    runs,
    results,
    target: { ms: TARGET_MS, worstP99Ms: worst, met: worst <= TARGET_MS },
  });
  console.log(
    `${staffCount.rows[0]?.n} staff in ${kindergartens} kindergartens, filled in ${fillSeconds.toFixed(1)} s`,
  );
  console.table(
    results.map((r) => ({
      query: r.name,
      'p50 (ms)': r.p50,
      'p99 (ms)': r.p99,
      'max (ms)': r.max,
    })),
  );
  console.log(
    `database CPU probe: ${probeMs} ms (about 60 idle); load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`results: ${file}`);
} finally {
  await bench.close();
}
