import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/test-platform.ts';
import { maskIdentityNumber } from './identity-number.ts';
import {
  actor,
  auditRows,
  createStaffKit,
  newIdentityNumber,
  teacher,
  type StaffKit,
} from './staff.fixtures.ts';

describe.each(backends)('staff registry and dashboards on %s', (backend) => {
  let kit: StaffKit;
  beforeAll(async () => {
    kit = await createStaffKit(backend);
  });
  afterAll(async () => kit.close());

  const hire = async (input: ReturnType<typeof teacher>, ctx = kit.principal) => {
    await kit.s.hiring.check(ctx, {
      kindergartenId: input.kindergartenId,
      identityNumber: input.identityNumber,
      name: input.name,
      consentReference: 'consent 1',
      purpose: 'pre-employment check',
    });
    return kit.s.staff.create(ctx, { ...input, activate: true });
  };

  it('masks identity numbers except for city administrators', async () => {
    const id = newIdentityNumber();
    const created = await kit.s.staff.create(kit.principal, teacher(kit.org.kindergartenId, id));

    expect(created.identityNumber).toBe(maskIdentityNumber(id));
    expect((await kit.s.staff.get(kit.reviewer, created.id)).identityNumber).toBe(
      maskIdentityNumber(id),
    );
    expect((await kit.s.staff.get(kit.cityAdmin, created.id)).identityNumber).toBe(id);
    const csv = await kit.s.exports.staff(kit.principal, kit.org.kindergartenId);
    expect(csv).toContain(maskIdentityNumber(id));
    expect(csv).not.toContain(id);
  });

  it('keeps every version of a record instead of overwriting it', async () => {
    const created = await kit.s.staff.create(kit.principal, teacher(kit.org.kindergartenId));
    await kit.s.staff.update(kit.principal, created.id, { monthlyPayFen: 900_000 });
    await kit.s.staff.update(kit.principal, created.id, { monthlyPayFen: 900_000 });
    const left = await kit.s.staff.leave(kit.principal, created.id, '2026-07-31');

    expect(left).toMatchObject({ status: 'left', version: 3, leftOn: '2026-07-31' });
    const history = await kit.s.staff.history(kit.principal, created.id);
    expect(history.map((v) => [v.version, v.monthlyPayFen, v.status, v.validTo === null])).toEqual([
      [3, 900_000, 'left', true],
      [2, 900_000, 'pending_check', false],
      [1, 850_000, 'pending_check', false],
    ]);
  });

  it('registers a person who left again on the same record, keeping the old employment', async () => {
    const id = newIdentityNumber();
    const first = await kit.s.staff.create(kit.principal, teacher(kit.org.kindergartenId, id));
    await kit.s.staff.leave(kit.principal, first.id, '2026-07-31');
    const again = await kit.s.staff.create(kit.principal, {
      ...teacher(kit.org.kindergartenId, id),
      hiredOn: '2026-09-01',
    });

    expect(again).toMatchObject({ id: first.id, status: 'pending_check', leftOn: null });
    const history = await kit.s.staff.history(kit.principal, first.id);
    expect(history.map((v) => [v.version, v.status, v.hiredOn])).toEqual([
      [3, 'pending_check', '2026-09-01'],
      [2, 'left', first.hiredOn],
      [1, 'pending_check', first.hiredOn],
    ]);
  });

  it('flags, without refusing, a person employed at two kindergartens', async () => {
    const id = newIdentityNumber();
    const here = await kit.s.staff.create(kit.principal, teacher(kit.org.kindergartenId, id));
    const there = await kit.s.staff.create(
      kit.otherPrincipal,
      teacher(kit.org.otherKindergartenId, id),
    );

    expect(there.employedElsewhere).toBe(true);
    expect((await kit.s.staff.get(kit.principal, here.id)).employedElsewhere).toBe(true);
    await expect(
      kit.s.staff.create(kit.principal, teacher(kit.org.kindergartenId, id)),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses invalid identity numbers and other kindergartens', async () => {
    const bad = { ...teacher(kit.org.kindergartenId), identityNumber: '110105194912310021' };
    await expect(kit.s.staff.create(kit.principal, bad)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      details: { problem: 'checksum' },
    });
    await expect(
      kit.s.staff.create(kit.otherPrincipal, teacher(kit.org.kindergartenId)),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the qualification share against a configurable target and pay benchmarks', async () => {
    const kg = kit.org.otherKindergartenId;
    const principal = kit.otherPrincipal;
    for (const education of ['bachelor', 'associate', 'associate', 'secondary'] as const) {
      await hire({ ...teacher(kg), education, monthlyPayFen: 600_000 }, principal);
    }
    const scope = { districtId: kit.org.otherDistrictId };

    const before = await kit.s.dashboards.qualifications(kit.cityAdmin, scope);
    expect(before.target).toBe(0.9);
    expect(before.byKindergarten).toEqual([
      expect.objectContaining({
        kindergartenId: kg,
        teachers: 4,
        qualified: 3,
        share: 0.75,
        belowTarget: true,
      }),
    ]);
    const year = before.year;
    await kit.s.settings.setTarget(kit.cityAdmin, year, 0.7);
    const after = await kit.s.dashboards.qualifications(kit.cityAdmin, scope);
    expect(after.byKindergarten[0]?.belowTarget).toBe(false);

    await kit.s.settings.setBenchmarks(kit.cityAdmin, {
      year,
      primaryTeacherAnnualFen: 12_000_000,
      socialAverageAnnualFen: 7_000_000,
    });
    const pay = await kit.s.dashboards.pay(kit.cityAdmin, scope);
    expect(pay.kindergartens[0]).toMatchObject({
      teacherAnnualFen: 7_200_000,
      belowPrimaryTeacher: true,
      belowSocialAverage: false,
    });
    await expect(kit.s.settings.setTarget(kit.principal, year, 0.5)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('lists expired certificates and keeps principals to their own kindergarten', async () => {
    const kg = kit.org.otherKindergartenId;
    await hire(
      { ...teacher(kg), name: '过期', certificateValidUntil: '2020-01-01' },
      kit.otherPrincipal,
    );

    const certs = await kit.s.dashboards.certificates(kit.otherPrincipal, {});
    expect(certs.people.map((p) => p.name)).toContain('过期');
    expect(certs.byKindergarten.every((k) => k.kindergartenId === kg)).toBe(true);
    await expect(
      kit.s.dashboards.certificates(kit.otherPrincipal, { kindergartenId: kit.org.kindergartenId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const reviewer = actor('district_reviewer', { districtId: kit.org.districtId });
    await expect(
      kit.s.dashboards.pay(reviewer, { districtId: kit.org.otherDistrictId }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('audits exports and escapes values a spreadsheet would run', async () => {
    const kg = kit.org.otherKindergartenId;
    await hire({ ...teacher(kg), name: '=cmd|"/c calc"!A1' }, kit.otherPrincipal);
    await hire({ ...teacher(kg), name: '@SUM(1+1)' }, kit.otherPrincipal);

    const csv = await kit.s.exports.staff(kit.otherPrincipal, kg);
    const report = await kit.s.exports.dashboard(kit.cityAdmin, 'certificates', {});

    expect(csv.startsWith('\uFEFF姓名,')).toBe(true);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).toContain(`'@SUM(1+1)`);
    expect(csv.split('\r\n').some((line) => /^[=+\-@]/.test(line))).toBe(false);
    expect(report).toContain('过期');
    const actions = (await auditRows(kit)).map((r) => r.action);
    expect(actions).toContain('staff.export');
    expect(actions).toContain('staff.report.export');
  });
});
