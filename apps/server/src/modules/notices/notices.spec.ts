import { blacklistSubjects } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/test-platform.ts';
import { AuditService } from '../audit/audit.service.ts';
import {
  actor,
  auditRows,
  createStaffKit,
  newIdentityNumber,
  teacher,
  type StaffKit,
} from '../staff/staff.fixtures.ts';
import { NoticesService } from './notices.service.ts';

const entry = (identityNumber: string) => ({
  identityNumber,
  name: 'Barred',
  reason: 'child_abuse' as const,
  decisionDocument: '深教处〔2026〕12号',
  decisionAuthority: '市教育局',
  decisionDate: '2026-03-01',
  until: null,
});

describe.each(backends)('notices of blacklist hits on %s', (backend) => {
  let kit: StaffKit;
  let notices: NoticesService;
  beforeAll(async () => {
    kit = await createStaffKit(backend);
    const audit = new AuditService({ db: kit.test.platform.db, now: kit.test.platform.now });
    notices = new NoticesService({ platform: kit.test.platform, audit });
    notices.start();
  });
  afterAll(async () => {
    notices.stop();
    await kit.close();
  });

  const check = (identityNumber: string) =>
    kit.s.hiring.check(kit.principal, {
      kindergartenId: kit.org.kindergartenId,
      identityNumber,
      name: '候选人',
      consentReference: 'consent form 2026-117',
      purpose: 'pre-employment check',
    });

  it('tells the district reviewer of a hiring hit, once, and not the principal', async () => {
    const barred = newIdentityNumber();
    await kit.s.blacklist.create(kit.cityAdmin, entry(barred));
    const no = await check(barred);
    await check(newIdentityNumber());
    const hit = kit.messages.find((m) => m.subject === blacklistSubjects.hiringHit);
    await kit.test.platform.bus.publish(blacklistSubjects.hiringHit, hit?.payload);

    const seen = await notices.list(kit.reviewer);
    expect(seen).toEqual([
      expect.objectContaining({
        kind: 'hiring_hit',
        kindergartenId: kit.org.kindergartenId,
        staffId: null,
        acknowledgedAt: null,
      }),
    ]);
    expect(JSON.stringify(seen)).not.toMatch(/child_abuse|Barred|深教处|市教育局|候选人/);
    expect(no.result).toBe('not_eligible');
    expect(await notices.list(kit.principal)).toEqual([]);
    expect(await notices.list(kit.cityAdmin)).toHaveLength(1);
    const otherReviewer = actor('district_reviewer', { districtId: kit.org.otherDistrictId });
    expect(await notices.list(otherReviewer)).toEqual([]);
  });

  it('rejects a bad payload and writes nothing', async () => {
    await expect(
      kit.test.platform.bus.publish(blacklistSubjects.hiringHit, { checkId: 'x' }),
    ).resolves.toBeUndefined();
    expect(await notices.list(kit.cityAdmin)).toHaveLength(1);
  });

  it('tells reviewer and principal of a screening hit and audits acknowledgement', async () => {
    const id = newIdentityNumber();
    await check(id);
    const hired = await kit.s.staff.create(kit.principal, {
      ...teacher(kit.org.kindergartenId, id),
      activate: true,
    });
    await kit.s.blacklist.create(kit.cityAdmin, entry(id));

    const [forPrincipal] = await notices.list(kit.principal);
    expect(forPrincipal).toMatchObject({ kind: 'screening_hit', staffId: hired.id });
    expect((await notices.list(kit.reviewer)).map((n) => n.kind)).toEqual([
      'screening_hit',
      'hiring_hit',
    ]);
    await expect(notices.acknowledge(kit.otherPrincipal, forPrincipal!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await notices.acknowledge(kit.principal, forPrincipal!.id);
    const [after] = await notices.list(kit.reviewer);
    expect(after?.acknowledgedAt).not.toBeNull();
    const acks = (await auditRows(kit)).filter((r) => r.action === 'notice.acknowledge');
    expect(acks.map((r) => r.resource_id)).toEqual([forPrincipal!.id]);
  });
});
