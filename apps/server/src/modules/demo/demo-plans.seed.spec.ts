import type { KindergartenCompliance, ProgrammeProgress } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { demoKindergartens } from './demo.data.ts';
import { seedDemo } from './demo.seed.ts';

const PASSWORD = 'demo-password-123';

describe('demo floor plans and programme', () => {
  let t: TestApp;
  let reviewer: SignedIn;

  const count = async (table: 'floor_plans' | 'plan_cameras' | 'programme_status') => {
    const row = await t.platform.db
      .withTables<Record<typeof table, { floor_id: string }>>()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const counts = async () => ({
    plans: await count('floor_plans'),
    cameras: await count('plan_cameras'),
    stages: await count('programme_status'),
  });
  const compliance = async (name: string) => {
    const kg = await t.platform.db
      .selectFrom('kindergartens')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/compliance/kindergartens/${kg.id}`,
      headers: reviewer.headers,
    });
    expect(res.statusCode).toBe(200);
    return res.json<KindergartenCompliance>();
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.platform.config = { ...t.platform.config, demoPassword: PASSWORD };
    await seedDemo(t.platform, t.services);
    reviewer = await signIn(t.app, 'district-reviewer', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('draws every floor once; a second run changes nothing', async () => {
    const floors = demoKindergartens.flatMap((k) => k.buildings.flatMap((b) => b.floors));
    const first = await counts();
    expect(first.plans).toBe(floors.length);
    expect(first.cameras).toBeGreaterThan(100);
    expect(first.stages).toBe(3);
    await seedDemo(t.platform, t.services);
    expect(await counts()).toEqual(first);
  });

  it("leaves the deliberate dead zones in the principal's kindergarten and no privacy violation", async () => {
    const report = await compliance(demoKindergartens[0]!.name);
    const deadAreas = new Set(report.deadZones.map((z) => z.areaName));
    expect(deadAreas).toEqual(new Set(['2层走廊', '小二班活动室']));
    expect(report.violationCount).toBe(0);
    expect(report.floors.every((f) => f.planned && f.error === null)).toBe(true);
    expect(report.share).toBeLessThan(1);
  });

  it('shows the accepted kindergarten fully covered at the required levels', async () => {
    const report = await compliance(demoKindergartens[1]!.name);
    expect(report.deadZones.map((z) => [z.areaName, z.areaM2])).toEqual([]);
    expect(report.violationCount).toBe(0);
    expect(report.share).toBeGreaterThan(0.995);
    expect(report.keyShare).toBeGreaterThan(0.995);
    const unmet = report.areas.filter(
      (a) => a.reachedLevel === null || levelRank(a.reachedLevel) < levelRank(a.requiredLevel),
    );
    expect(unmet).toEqual([]);
  });

  it('puts the kindergartens at different stages of the programme', async () => {
    const admin = await signIn(t.app, 'city-admin', PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/programme/city',
      headers: admin.headers,
    });
    const progress = res.json<ProgrammeProgress>();
    expect(progress.counts).toMatchObject({ installing: 1, accepted: 1, designed: 1, total: 3 });
  });
});

const levelRank = (level: string) => ['detect', 'observe', 'recognise', 'identify'].indexOf(level);
