/**
 * A roster of 10,000 rows (CSV, UTF-8) imported through the real import service on the
 * PostgreSQL server: the dry run, the import of all rows, and the same file again (which must
 * change nothing). Floor in the same run: a plain multi-row INSERT of the same 10,000 people
 * (staff and their first versions, 500 rows a statement, one transaction, hashes and
 * encryption computed beforehand) into another kindergarten.
 * Run: `npx tsx bench/roster-import.bench.ts`. Environment: BENCH_ROWS (default 10000).
 */
import os from 'node:os';
import { databaseCpuProbeMs, writeResult } from './bench-kit.ts';
import { benchActor, benchIdentityNumber, openBenchPlatform, seedCity } from './staff-kit.ts';

const rowCount = Number(process.env.BENCH_ROWS ?? 10_000);
const CHUNK = 500;
const TARGET_SECONDS = 10;

interface Person {
  name: string;
  identityNumber: string;
  role: 'teacher' | 'assistant' | 'cook' | 'security';
  education: 'bachelor' | 'associate' | 'secondary';
  certificate: string | null;
}

const roleLabels = { teacher: '教师', assistant: '保育员', cook: '厨师', security: '保安' };
const educationLabels = { bachelor: '本科', associate: '大专', secondary: '中专' };

function person(i: number): Person {
  const role = (['teacher', 'teacher', 'assistant', 'cook', 'security'] as const)[i % 5]!;
  return {
    name: `员工${i}`,
    identityNumber: benchIdentityNumber(i, '440306'),
    role,
    education: (['bachelor', 'associate', 'secondary'] as const)[i % 3]!,
    certificate: role === 'teacher' ? `2020440${String(i).padStart(8, '0')}` : null,
  };
}

function csvOf(people: Person[]): Buffer {
  const header = '姓名,身份证号,岗位,学历,教师资格证号,资格证有效期至,入职日期,离职日期,月工资(元)';
  const lines = people.map((p) =>
    [
      p.name,
      p.identityNumber,
      roleLabels[p.role],
      educationLabels[p.education],
      p.certificate ?? '',
      p.certificate ? '2030-06-30' : '',
      '2021-09-01',
      '',
      '6500',
    ].join(','),
  );
  return Buffer.from(`${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}

async function seconds<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { seconds: Math.round((performance.now() - started) / 10) / 100, value };
}

const bench = await openBenchPlatform('import');
const { platform, services } = bench;
try {
  const city = await seedCity(platform, 1, 2);
  const [kg, other] = city.kindergartens;
  const principal = await benchActor(platform, 'principal', {
    districtId: kg!.districtId,
    kindergartenId: kg!.id,
  });
  const people = Array.from({ length: rowCount }, (_, i) => person(i));
  const bytes = csvOf(people);
  const run = (mode: 'dry_run' | 'all') =>
    services.staff.imports.run(principal, { kindergartenId: kg!.id, mode, bytes });

  const dryRun = await seconds(() => run('dry_run'));
  const imported = await seconds(() => run('all'));
  const again = await seconds(() => run('all'));
  const floor = await seconds(() => plainInsert(other!.id, people));
  if (imported.value.created !== rowCount || again.value.unchanged !== rowCount) {
    throw new Error(
      `import wrote ${imported.value.created}, re-import left ${again.value.unchanged}`,
    );
  }

  const rows = [
    { step: 'dry run (parse, check, plan)', seconds: dryRun.seconds },
    { step: 'import all rows', seconds: imported.seconds },
    { step: 'same file again (unchanged)', seconds: again.seconds },
    { step: 'floor: plain multi-row INSERT', seconds: floor.seconds },
  ];
  const probeMs = await databaseCpuProbeMs(platform.db);
  const file = writeResult('roster-import', {
    rows: rowCount,
    databaseCpuProbeMs: probeMs,
    loadAverage: os.loadavg(),
    fileBytes: bytes.length,
    steps: rows,
    importReport: { ...imported.value, errors: imported.value.errors.length },
    target: {
      seconds: TARGET_SECONDS,
      measured: imported.seconds,
      met: imported.seconds <= TARGET_SECONDS,
    },
  });
  console.table(rows.map((r) => ({ ...r, 'vs floor': (r.seconds / floor.seconds).toFixed(1) })));
  console.log(
    `database CPU probe: ${probeMs} ms (about 60 idle); load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`results: ${file}`);
} finally {
  await bench.close();
}

async function plainInsert(kindergartenId: string, list: Person[]): Promise<void> {
  const { db, secrets } = platform;
  const prepared = list.map((p) => ({
    ...p,
    hash: secrets.keyedHash(p.identityNumber),
    sealed: secrets.encrypt(p.identityNumber),
  }));
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < prepared.length; i += CHUNK) {
      const chunk = prepared.slice(i, i + CHUNK);
      const inserted = await tx
        .insertInto('staff')
        .values(
          chunk.map((p) => ({
            kindergarten_id: kindergartenId,
            id_hash: p.hash,
            id_encrypted: p.sealed,
          })),
        )
        .returning(['id', 'id_hash'])
        .execute();
      const idOf = new Map(inserted.map((r) => [r.id_hash, r.id]));
      await tx
        .insertInto('staff_versions')
        .values(
          chunk.map((p) => ({
            staff_id: idOf.get(p.hash) ?? '',
            version: 1,
            name: p.name,
            role: p.role,
            education: p.education,
            certificate_number: p.certificate,
            certificate_valid_until: p.certificate ? '2030-06-30' : null,
            hired_on: '2021-09-01',
            monthly_pay_fen: 650_000,
            status: 'pending_check',
            change_source: 'import',
          })),
        )
        .execute();
    }
  });
}
