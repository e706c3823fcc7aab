import { alertSubjects } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/test-platform.ts';
import { actor } from '../staff/staff.fixtures.ts';
import { createAlertsKit, grayFrame, standingPose, type AlertsKit } from './alerts.test-kit.ts';

describe.each(backends)('alerts on %s', (backend) => {
  let kit: AlertsKit;
  let officer: ReturnType<typeof actor>;
  let principal: ReturnType<typeof actor>;
  const raised: unknown[] = [];

  beforeAll(async () => {
    kit = await createAlertsKit(backend, { cooldownMs: 60_000 });
    const scope = { districtId: kit.area.districtId, kindergartenId: kit.area.kindergartenId };
    officer = actor('security_officer', scope);
    principal = actor('principal', scope);
    kit.test.platform.bus.subscribe(alertSubjects.raised, (m) => void raised.push(m.payload));
  });
  afterAll(async () => kit.close());

  const hit = (rule: 'striking' | 'child-fall' | 'zone-intrusion', at: Date) =>
    kit.s.alerts.raise({ rule, cameraId: kit.cameraId, at, evidence: { speed: 2.4 } });

  it('raises an alert with a snapshot, a held clip and the bus event', async () => {
    const at = new Date(Date.now() - 60_000);
    const frame = grayFrame();
    const people = [
      { pose: standingPose(10, 4, 56), box: { x: 8, y: 2, width: 30, height: 58 } },
      { pose: standingPose(50, 30, 30), box: { x: 48, y: 28, width: 16, height: 32 } },
    ].map((p, i) => ({ ...p, ageClass: i === 0 ? ('adult' as const) : ('child' as const) }));
    const result = await kit.s.alerts.raise({
      rule: 'striking',
      cameraId: kit.cameraId,
      at,
      evidence: { speed: 2.4 },
      snapshot: { frame, people: people.map((p) => ({ ...p, involved: true })) },
    });

    const alert = await kit.s.alerts.get(officer, result.alertId);
    expect(alert).toMatchObject({
      kind: 'abuse',
      rule: 'striking',
      severity: 'high',
      state: 'new',
      escalation: 'security_officer',
      hasSnapshot: true,
      clip: { from: new Date(at.getTime() - 10_000).toISOString() },
    });
    const holds = await kit.video.recording.holds.active(kit.cameraId);
    expect(holds.map((h) => h.owner)).toContain(`alert:${result.alertId}`);
    const jpeg = await kit.s.alerts.snapshot(officer, result.alertId);
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(raised).toContainEqual(expect.objectContaining({ alertId: result.alertId }));
  });

  it('folds repeats within the cool-down into one alert, and raises anew after it', async () => {
    const t0 = new Date(Date.now() - 600_000);
    const first = await hit('zone-intrusion', t0);
    const again = await hit('zone-intrusion', new Date(t0.getTime() + 30_000));
    const other = await hit('child-fall', new Date(t0.getTime() + 31_000));
    const later = await hit('zone-intrusion', new Date(t0.getTime() + 30_000 + 61_000));

    expect(again).toEqual({ alertId: first.alertId, deduplicated: true });
    expect(other.deduplicated).toBe(false);
    expect(later.deduplicated).toBe(false);
    expect(later.alertId).not.toBe(first.alertId);
    expect((await kit.s.alerts.get(officer, first.alertId)).repeatCount).toBe(1);
  });

  it('goes new → acknowledged → false alarm with notes, audited, and counts precision', async () => {
    const { alertId } = await hit('child-fall', new Date(Date.now() - 3_600_000));
    const acked = await kit.s.alerts.change(officer, alertId, 'acknowledged', 'looking');
    const closed = await kit.s.alerts.change(officer, alertId, 'false_alarm', 'child lay down');

    expect(acked.state).toBe('acknowledged');
    expect(closed.state).toBe('false_alarm');
    expect(closed.notes.map((n) => [n.state, n.note])).toEqual([
      ['acknowledged', 'looking'],
      ['false_alarm', 'child lay down'],
    ]);
    await expect(kit.s.alerts.change(officer, alertId, 'resolved', 'x')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const audit = await kit.test.platform.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('resource_id', '=', alertId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['alert.acknowledge', 'alert.false_alarm']);
    const holds = await kit.video.recording.holds.active(kit.cameraId);
    expect(holds.map((h) => h.owner)).not.toContain(`alert:${alertId}`);

    const { alertId: real } = await hit('striking', new Date(Date.now() - 7_200_000));
    await kit.s.alerts.change(principal, real, 'resolved', 'confirmed on the clip');
    const precision = await kit.s.alerts.precision(principal, undefined);
    expect(precision.find((p) => p.rule === 'child-fall')).toMatchObject({
      falseAlarms: 1,
      precision: 0,
    });
    expect(precision.find((p) => p.rule === 'striking')).toMatchObject({ confirmed: 1 });
  });

  it('shows alerts only within scope: another kindergarten and parents see none', async () => {
    const stranger = actor('principal', {
      districtId: kit.area.districtId,
      kindergartenId: '00000000-0000-4000-8000-000000000001',
    });
    const parent = actor('parent', { kindergartenId: kit.area.kindergartenId });
    const mine = await kit.s.alerts.list(officer, { limit: 100 });

    expect(mine.length).toBeGreaterThan(0);
    expect(await kit.s.alerts.list(stranger, { limit: 100 })).toEqual([]);
    expect(await kit.s.alerts.list(parent, { limit: 100 })).toEqual([]);
    await expect(kit.s.alerts.get(parent, mine[0]?.id ?? '')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a hit naming no known camera or a bad rule, writing nothing', async () => {
    const before = await kit.s.alerts.list(officer, { limit: 500 });
    await expect(
      kit.s.alerts.raise({ rule: 'striking', cameraId: crypto.randomUUID(), at: new Date() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      kit.s.alerts.raise({ rule: 'kicking' as 'striking', cameraId: kit.cameraId, at: new Date() }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/rule/) });
    expect(await kit.s.alerts.list(officer, { limit: 500 })).toHaveLength(before.length);
  });

  it('lists alerts of cameras in a range for the timeline', async () => {
    const from = new Date(Date.now() - 86_400_000);
    const marks = await kit.s.repo.listForCameras([kit.cameraId], from, new Date());
    expect(marks.length).toBeGreaterThanOrEqual(5);
    expect(marks[0]).toEqual({
      id: expect.any(String),
      cameraId: kit.cameraId,
      at: expect.any(Date),
      kind: expect.any(String),
      severity: expect.any(String),
      state: expect.any(String),
    });
    expect(await kit.s.repo.listForCameras([kit.cameraId], from, from)).toEqual([]);
  });
});
