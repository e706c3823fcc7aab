import { blacklistSubjects, notEligibleMessage } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/test-platform.ts';
import {
  auditRows,
  createStaffKit,
  newIdentityNumber,
  teacher,
  type StaffKit,
} from '../staff/staff.fixtures.ts';

const entry = (identityNumber: string) => ({
  identityNumber,
  name: '<b>Barred</b>',
  reason: 'child_abuse' as const,
  decisionDocument: '深教处〔2026〕12号',
  decisionAuthority: '市教育局',
  decisionDate: '2026-03-01',
  until: null,
});

describe.each(backends)('blacklist, hiring check and re-screening on %s', (backend) => {
  let kit: StaffKit;
  beforeAll(async () => {
    kit = await createStaffKit(backend);
  });
  afterAll(async () => kit.close());

  const check = (identityNumber: string, ctx = kit.principal) =>
    kit.s.hiring.check(ctx, {
      kindergartenId: kit.org.kindergartenId,
      identityNumber,
      name: '候选人',
      consentReference: 'consent form 2026-117',
      purpose: 'pre-employment check',
    });

  it('lets only city administrators change or read the blacklist, auditing refusals', async () => {
    for (const ctx of [kit.principal, kit.reviewer]) {
      await expect(kit.s.blacklist.create(ctx, entry(newIdentityNumber()))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        kit.s.blacklist.list(ctx, { includeRemoved: false, limit: 10, offset: 0 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const denied = (await auditRows(kit)).filter((r) => r.outcome === 'denied');
    expect(denied.map((r) => r.action)).toEqual(Array(4).fill('blacklist.manage'));
  });

  it('audits every change and keeps the history of an entry', async () => {
    const created = await kit.s.blacklist.create(kit.cityAdmin, entry(newIdentityNumber()));
    await kit.s.blacklist.appeal(kit.cityAdmin, created.id, {
      status: 'pending',
      note: 'appeal filed',
      decidedOn: null,
    });
    const removed = await kit.s.blacklist.remove(kit.cityAdmin, created.id, 'decision annulled');

    expect(removed).toMatchObject({
      effective: false,
      appealStatus: 'pending',
      name: '<b>Barred</b>',
    });
    const detail = await kit.s.blacklist.get(kit.cityAdmin, created.id);
    expect(detail.events.map((e) => e.kind)).toEqual(['created', 'appeal', 'removed']);
    const actions = (await auditRows(kit))
      .filter((r) => r.resource_id === created.id)
      .map((r) => r.action);
    expect(actions).toEqual([
      'blacklist.create',
      'blacklist.appeal',
      'blacklist.remove',
      'blacklist.read',
    ]);
  });

  it('answers a hiring check with eligible or not eligible and nothing else, audited', async () => {
    const barred = newIdentityNumber();
    await kit.s.blacklist.create(kit.cityAdmin, entry(barred));
    kit.messages.length = 0;

    const no = await check(barred);
    const yes = await check(newIdentityNumber());

    expect(Object.keys(no).sort()).toEqual(['checkId', 'message', 'result']);
    expect(no).toMatchObject({ result: 'not_eligible', message: notEligibleMessage });
    expect(yes).toMatchObject({ result: 'eligible' });
    expect(JSON.stringify(no)).not.toMatch(/child_abuse|Barred|深教处|市教育局/);
    const audited = (await auditRows(kit)).filter((r) => r.action === 'hiring.check');
    expect(audited.map((r) => [r.purpose, r.details.result])).toEqual([
      ['pre-employment check', 'not_eligible'],
      ['pre-employment check', 'eligible'],
    ]);
    const hits = kit.messages.filter((m) => m.subject === blacklistSubjects.hiringHit);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.payload).toMatchObject({
      checkId: no.checkId,
      districtId: kit.org.districtId,
    });
  });

  it('refuses hiring checks outside the principal kindergarten and by other roles', async () => {
    await expect(check(newIdentityNumber(), kit.otherPrincipal)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(check(newIdentityNumber(), kit.cityAdmin)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('makes nobody active without a passed check of the last 30 days', async () => {
    const id = newIdentityNumber();
    await expect(
      kit.s.staff.create(kit.principal, { ...teacher(kit.org.kindergartenId, id), activate: true }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { reason: 'hiring_check_required' } });
    const pending = await kit.s.staff.create(kit.principal, teacher(kit.org.kindergartenId, id));
    expect(pending.status).toBe('pending_check');

    await check(id);
    const active = await kit.s.staff.activate(kit.principal, pending.id);
    expect(active.status).toBe('active');
  });

  it('flags a hired person when the blacklist changes and alerts district and principal', async () => {
    const id = newIdentityNumber();
    await check(id);
    const hired = await kit.s.staff.create(kit.principal, {
      ...teacher(kit.org.kindergartenId, id),
      activate: true,
    });
    expect(hired.flags).toEqual([]);
    kit.messages.length = 0;

    await kit.s.blacklist.create(kit.cityAdmin, entry(id));

    const flagged = await kit.s.staff.get(kit.principal, hired.id);
    expect(flagged.flags).toEqual([expect.objectContaining({ kind: 'blacklist_hit' })]);
    const alerts = kit.messages.filter((m) => m.subject === blacklistSubjects.screeningHit);
    expect(alerts.map((m) => m.payload)).toEqual([
      expect.objectContaining({
        staffId: hired.id,
        kindergartenId: kit.org.kindergartenId,
        districtId: kit.org.districtId,
      }),
    ]);

    // Screening again raises no second flag while the first is open.
    const run = await kit.s.screening.run('manual');
    expect(run.hitCount).toBe(1);
    expect((await kit.s.staff.get(kit.principal, hired.id)).flags).toHaveLength(1);
    expect(kit.messages.filter((m) => m.subject === blacklistSubjects.screeningHit)).toHaveLength(
      1,
    );
  });

  it('runs the yearly screening once a year', async () => {
    const first = await kit.s.screening.runYearlyIfDue();
    const second = await kit.s.screening.runYearlyIfDue();
    expect(first?.trigger).toBe('yearly');
    expect(second).toBeNull();
  });
});
