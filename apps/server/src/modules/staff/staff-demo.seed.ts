import type { EducationLevel, StaffRole } from '@gardenwatch/contracts';
import type { Platform } from '../../platform/context.ts';
import type { Services } from '../../services.ts';
import { makeIdentityNumber } from './identity-number.ts';
import {
  belowTargetTeacherEducation,
  demoBlacklist,
  demoPayBenchmarks,
  givenNames,
  prng,
  rolePlans,
  seedOf,
  surnames,
} from './staff-demo.data.ts';
import { versionValues, type Tx, type VersionFields } from './staff.repository.ts';

export interface StaffDemoResult {
  kindergartens: number;
  staff: number;
  blacklistEntries: number;
  belowTargetKindergartenId: string | null;
}

interface DemoKindergarten {
  id: string;
  name: string;
  type: string;
  children: number;
  areaCode: string;
}

/**
 * Generated staff for every kindergarten that has none yet (one of them below the 90% target
 * on a first run), a few blacklist entries, this year's pay benchmarks and a re-screening.
 * Idempotent: kindergartens with staff, entries already listed and set benchmarks are left alone.
 */
export async function seedStaffDemo(
  platform: Platform,
  services: Services,
): Promise<StaffDemoResult> {
  const kindergartens = await unstaffedKindergartens(platform);
  const total = await platform.db
    .selectFrom('kindergartens')
    .select('id')
    .where('archived_at', 'is', null)
    .execute();
  const firstRun = kindergartens.length > 0 && kindergartens.length === total.length;
  const below = firstRun ? pickBelowTarget(kindergartens) : null;

  let staff = 0;
  let entries = 0;
  await platform.db.transaction().execute(async (tx) => {
    for (const kg of kindergartens)
      staff += await seedKindergarten(tx, platform, kg, kg.id === below?.id);
    entries = await seedBlacklist(tx, platform);
    await tx
      .insertInto('pay_benchmarks')
      .values({
        year: platform.now().getUTCFullYear(),
        primary_teacher_annual_fen: demoPayBenchmarks.primaryTeacherAnnualFen,
        social_average_annual_fen: demoPayBenchmarks.socialAverageAnnualFen,
      })
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
    if (staff + entries > 0) {
      await services.audit.record(
        {
          actor: null,
          action: 'demo.seed.staff',
          resourceType: 'city',
          outcome: 'succeeded',
          details: { staff, entries },
        },
        tx,
      );
    }
  });
  if (staff + entries > 0) await services.staff.screening.run('blacklist_change');
  platform.logger.info(
    { kindergartens: kindergartens.length, staff, entries },
    'demo.staff.seeded',
  );
  return {
    kindergartens: kindergartens.length,
    staff,
    blacklistEntries: entries,
    belowTargetKindergartenId: below?.id ?? null,
  };
}

async function unstaffedKindergartens(platform: Platform): Promise<DemoKindergarten[]> {
  const rows = await platform.db
    .selectFrom('kindergartens as k')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .select(['k.id', 'k.name', 'k.type', 'k.children_count', 'd.admin_code'])
    .where('k.archived_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('staff').select('staff.id').whereRef('staff.kindergarten_id', '=', 'k.id'),
        ),
      ),
    )
    .orderBy('k.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    children: r.children_count,
    areaCode: r.admin_code,
  }));
}

/** An inclusive private kindergarten when there is one: the target is set for those. */
const pickBelowTarget = (kgs: DemoKindergarten[]) =>
  kgs.find((k) => k.type === 'inclusive_private') ?? kgs[0] ?? null;

async function seedKindergarten(tx: Tx, platform: Platform, kg: DemoKindergarten, below: boolean) {
  const random = prng(seedOf(kg.id));
  const now = platform.now();
  let index = 0;
  for (const plan of rolePlans) {
    const count = Math.max(plan.minimum, Math.round((kg.children * plan.per100) / 100));
    const levels = allocate(
      count,
      plan.role === 'teacher' && below ? belowTargetTeacherEducation : plan.education,
    );
    for (const education of levels) {
      const person = demoPerson({
        random,
        kg,
        role: plan.role,
        education,
        index: index++,
        payYuan: plan.payYuan,
        today: now,
      });
      const idHash = platform.secrets.keyedHash(person.identityNumber);
      const staff = await tx
        .insertInto('staff')
        .values({
          kindergarten_id: kg.id,
          id_hash: idHash,
          id_encrypted: platform.secrets.encrypt(person.identityNumber),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The people were checked when hired: the seed records that check as the system's.
      await tx
        .insertInto('hiring_checks')
        .values({
          kindergarten_id: kg.id,
          candidate_hash: idHash,
          consent_reference: 'demo',
          purpose: 'pre-employment check',
          result: 'eligible',
          checked_at: now,
        })
        .execute();
      await tx
        .insertInto('staff_versions')
        .values(versionValues(staff.id, 1, person.fields, { source: 'system', by: null, at: now }))
        .execute();
    }
  }
  return index;
}

interface PersonOptions {
  random: () => number;
  kg: DemoKindergarten;
  role: StaffRole;
  education: EducationLevel;
  index: number;
  payYuan: [number, number];
  today: Date;
}

function demoPerson(o: PersonOptions): { identityNumber: string; fields: VersionFields } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(o.random() * list.length)] as T;
  const year = 1972 + Math.floor(o.random() * 30);
  const birth = `${year}-${pad(1 + Math.floor(o.random() * 12))}-${pad(1 + Math.floor(o.random() * 28))}`;
  // Hired after turning twenty, on a 1 September before this year.
  const hiredYear = Math.max(year + 20, o.today.getUTCFullYear() - 1 - Math.floor(o.random() * 12));
  const teacher = o.role === 'teacher' || o.role === 'principal';
  // About one teacher in twelve has a certificate that has run out.
  const expired = teacher && o.random() < 0.08;
  const validYear = expired
    ? o.today.getUTCFullYear() - 1
    : o.today.getUTCFullYear() + 1 + Math.floor(o.random() * 4);
  const [low, high] = o.payYuan;
  const pay = Math.round((low + o.random() * (high - low)) / 50) * 50;
  return {
    identityNumber: makeIdentityNumber(o.kg.areaCode, birth, o.index * 2 + 1),
    fields: {
      name: `${pick(surnames)}${pick(givenNames)}`,
      role: o.role,
      education: o.education,
      certificateNumber: teacher
        ? `${year}${o.kg.areaCode}${String(o.index).padStart(6, '0')}`
        : null,
      certificateValidUntil: teacher ? `${validYear}-08-31` : null,
      hiredOn: `${hiredYear}-09-01`,
      leftOn: null,
      monthlyPayFen: pay * 100,
      status: 'active',
    },
  };
}

/** Splits n people over a distribution by largest remainder, so small staffs follow it too. */
export function allocate<T>(n: number, distribution: readonly (readonly [T, number])[]): T[] {
  const exact = distribution.map(([value, share]) => ({
    value,
    count: Math.floor(n * share),
    rest: (n * share) % 1,
  }));
  let missing = n - exact.reduce((s, e) => s + e.count, 0);
  for (const e of [...exact].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    e.count += 1;
  }
  return exact.flatMap((e) => Array<T>(e.count).fill(e.value));
}

async function seedBlacklist(tx: Tx, platform: Platform): Promise<number> {
  let inserted = 0;
  for (const [i, entry] of demoBlacklist.entries()) {
    const identityNumber = makeIdentityNumber('440303', `198${i}-0${i + 3}-1${i}`, 500 + i);
    const idHash = platform.secrets.keyedHash(identityNumber);
    const exists = await tx
      .selectFrom('blacklist_entries')
      .select('id')
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (exists) continue;
    const row = await tx
      .insertInto('blacklist_entries')
      .values({
        id_hash: idHash,
        id_encrypted: platform.secrets.encrypt(identityNumber),
        name: entry.name,
        reason: entry.reason,
        decision_document: entry.document,
        decision_authority: '深圳市教育局',
        decision_date: `2025-0${i + 4}-15`,
        until_date: entry.until,
        appeal_status: entry.appeal,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('blacklist_events')
      .values({ entry_id: row.id, kind: 'created', note: 'demo' })
      .execute();
    inserted += 1;
  }
  return inserted;
}

const pad = (n: number) => String(n).padStart(2, '0');
