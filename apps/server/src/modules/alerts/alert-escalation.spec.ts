import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../../test/test-platform.ts';
import { waitFor } from '../recording/recording.test-support.ts';
import { actor } from '../staff/staff.fixtures.ts';
import {
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  WebhookChannel,
  type AlertNotification,
} from './alert-channels.ts';
import { AlertEscalation } from './alert-escalation.ts';
import { createAlertsKit, hookServer, type AlertsKit } from './alerts.test-kit.ts';

const SECRET = 'a-test-secret-of-some-length';

describe.each(backends)('alert escalation and the webhook channel on %s', (backend) => {
  let kit: AlertsKit;
  let hook: Awaited<ReturnType<typeof hookServer>>;

  beforeAll(async () => {
    hook = await hookServer([503]);
    const webhook = new WebhookChannel({ url: hook.url, secret: SECRET, retryDelaysMs: [20] });
    kit = await createAlertsKit(backend, { escalationMs: 300, channels: [webhook] });
  });
  afterAll(async () => {
    await kit.close();
    await hook.close();
  });

  const payloads = () => hook.received.map((r) => JSON.parse(r.body) as AlertNotification);
  const deliveries = (alertId: string) =>
    kit.test.platform.db
      .selectFrom('alert_deliveries')
      .selectAll()
      .where('alert_id', '=', alertId)
      .orderBy('created_at')
      .execute();

  it('asks the officer, then the principal, then the district reviewer, signed and retried', async () => {
    const { alertId } = await kit.s.alerts.raise({
      rule: 'child-fall',
      cameraId: kit.cameraId,
      at: new Date(),
    });

    await waitFor('the district reviewer asked', async () => {
      const alert = await kit.s.repo.find(alertId);
      return alert?.escalation_level === 2 && alert.escalate_at === null;
    });
    await kit.s.notifier.idle();
    const mine = payloads().filter((p) => p.alertId === alertId);
    // The officer's first try failed (503) and was retried after the others may have gone.
    expect(mine.map((p) => p.recipient).sort()).toEqual([
      'district_reviewer',
      'principal',
      'security_officer',
      'security_officer',
    ]);
    const first = hook.received[0];
    expect(first?.headers[SIGNATURE_HEADER]).toBe(
      signWebhook(SECRET, String(first?.headers[TIMESTAMP_HEADER]), first?.body ?? ''),
    );
    const rows = await deliveries(alertId);
    expect(rows.map((r) => [r.recipient, r.outcome, r.attempts]).sort()).toEqual([
      ['district_reviewer', 'sent', 1],
      ['principal', 'sent', 1],
      ['security_officer', 'sent', 2],
    ]);
    expect(JSON.stringify(mine)).not.toMatch(/Sunflower|Corridor/);
  });

  it('stops escalating once acknowledged', async () => {
    const { alertId } = await kit.s.alerts.raise({
      rule: 'striking',
      cameraId: kit.cameraId,
      at: new Date(),
    });
    const officer = actor('security_officer', {
      districtId: kit.area.districtId,
      kindergartenId: kit.area.kindergartenId,
    });
    await kit.s.alerts.change(officer, alertId, 'acknowledged', '');

    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await kit.s.repo.find(alertId))?.escalation_level).toBe(0);
  });

  it('catches up after a restart from the due time stored on the alert', async () => {
    await kit.s.escalation.stop();
    const { alertId } = await kit.s.alerts.raise({
      rule: 'zone-intrusion',
      cameraId: kit.cameraId,
      at: new Date(),
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await kit.s.repo.find(alertId))?.escalation_level).toBe(0);

    const restarted = new AlertEscalation({
      repo: kit.s.repo,
      notifier: kit.s.notifier,
      logger: kit.test.platform.logger,
      now: () => new Date(),
      escalationMs: 300,
      tickMs: 1000,
      onEscalated: () => undefined,
    });
    expect(await restarted.tick()).toBe(1);
    expect((await kit.s.repo.find(alertId))?.escalation_level).toBe(1);
  });

  it('tells the police at once of a severe alert in a key area', async () => {
    const { alertId } = await kit.s.alerts.raise({
      rule: 'blacklisted-face',
      cameraId: kit.cameraId,
      at: new Date(),
    });
    await kit.s.notifier.idle();
    const police = actor('police', { districtId: kit.area.districtId });

    expect(
      payloads()
        .filter((p) => p.alertId === alertId)
        .map((p) => p.recipient),
    ).toEqual(['security_officer', 'police']);
    expect((await kit.s.alerts.list(police, { limit: 10 })).map((a) => a.id)).toEqual([alertId]);
  });

  it('gives up on a 4xx answer at once and records the failure', async () => {
    const refusing = await hookServer([400]);
    const channel = new WebhookChannel({ url: refusing.url, secret: SECRET, retryDelaysMs: [1] });
    const n = payloads()[0];
    if (!n) throw new Error('no notification to resend');
    expect(await channel.send(n)).toEqual({ ok: false, attempts: 1, detail: 'HTTP 400' });
    await refusing.close();
  });
});
