// Shared parts of the staff and blacklist benchmarks: a migrated database on the PostgreSQL
// server with the real services, a generated city, users and valid identity numbers.
import type { Actor, Role } from '@gardenwatch/contracts';
import { sql } from 'kysely';
import { createUser } from '../apps/server/test/sign-in.ts';
import { makeIdentityNumber } from '../apps/server/src/modules/staff/identity-number.ts';
import type { StaffContext } from '../apps/server/src/modules/staff/staff-access.ts';
import { MemoryBus } from '../apps/server/src/platform/bus.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import type { Platform } from '../apps/server/src/platform/context.ts';
import { openDatabase } from '../apps/server/src/platform/db/database.ts';
import { migrate } from '../apps/server/src/platform/db/migrate.ts';
import { createLogger } from '../apps/server/src/platform/logger.ts';
import { createMetrics } from '../apps/server/src/platform/metrics.ts';
import { Secrets } from '../apps/server/src/platform/secrets.ts';
import { createServices, type Services } from '../apps/server/src/services.ts';
import { benchSecretKey, scratchDatabase } from './bench-kit.ts';

export interface BenchPlatform {
  platform: Platform;
  services: Services;
  close(): Promise<void>;
}

/** A fresh migrated database on the PostgreSQL server, with every domain service. */
export async function openBenchPlatform(label: string): Promise<BenchPlatform> {
  const scratch = await scratchDatabase(label);
  const handle = await openDatabase({ databaseUrl: scratch.url });
  await migrate(handle);
  const platform: Platform = {
    config: loadConfig({ DATABASE_URL: scratch.url, LOG_LEVEL: 'silent' }),
    db: handle.db,
    dbKind: handle.kind,
    logger: createLogger('silent'),
    secrets: new Secrets(Buffer.from(benchSecretKey, 'hex')),
    bus: new MemoryBus(),
    metrics: createMetrics(),
    now: () => new Date(),
  };
  return {
    platform,
    services: createServices(platform),
    close: async () => {
      await handle.close();
      // BENCH_KEEP_DATABASE=1 keeps the filled database to study its plans (EXPLAIN ANALYZE).
      if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept ${scratch.url}`);
      else await scratch.drop();
    },
  };
}

/** A city of `districts` districts with `kindergartens` kindergartens spread evenly. */
export async function seedCity(platform: Platform, districts: number, kindergartens: number) {
  const { db } = platform;
  await sql`insert into cities (name, admin_code) values ('Bench City', '440300')`.execute(db);
  await sql`
    insert into districts (city_id, name, admin_code)
    select c.id, 'District ' || lpad(i::text, 2, '0'), (440300 + i)::text
    from cities c, generate_series(1, ${districts}) i`.execute(db);
  await sql`
    insert into kindergartens (district_id, name, address, type, children_count)
    select d.id, 'Kindergarten ' || lpad(i::text, 5, '0'), i || ' Bench Road',
      (array['public', 'inclusive_private', 'private'])[1 + i % 3], 60 + i % 300
    from generate_series(1, ${kindergartens}) i
    join (select id, row_number() over (order by name) - 1 as n from districts) d
      on d.n = i % ${districts}`.execute(db);
  const districtRows = await db.selectFrom('districts').select('id').orderBy('name').execute();
  const kgRows = await db
    .selectFrom('kindergartens')
    .innerJoin('districts', 'districts.id', 'kindergartens.district_id')
    .select(['kindergartens.id', 'kindergartens.district_id'])
    .orderBy('districts.name')
    .orderBy('kindergartens.name')
    .execute();
  return {
    districtIds: districtRows.map((r) => r.id),
    kindergartens: kgRows.map((r) => ({ id: r.id, districtId: r.district_id })),
  };
}

/** A user written to the database and the context the services take for it. */
export async function benchActor(
  platform: Platform,
  role: Role,
  scope: { districtId?: string; kindergartenId?: string } = {},
): Promise<StaffContext> {
  const username = `bench-${role}-${Math.random().toString(36).slice(2, 8)}`;
  const id = await createUser(platform, { role, username, ...scope });
  const actor: Actor = {
    id,
    username,
    displayName: username,
    role,
    districtId: scope.districtId ?? null,
    kindergartenId: scope.kindergartenId ?? null,
    maintainedKindergartenIds: [],
  };
  return { actor, requestId: `bench-${id}`, ip: '127.0.0.1' };
}

const DAY_MS = 86_400_000;
const firstBirth = Date.UTC(1960, 0, 1);

/** The `i`-th of a series of distinct valid identity numbers (area 440305, born from 1960). */
export function benchIdentityNumber(i: number, area = '440305'): string {
  const birth = new Date(firstBirth + Math.floor(i / 1000) * DAY_MS).toISOString().slice(0, 10);
  return makeIdentityNumber(area, birth, i % 1000);
}
