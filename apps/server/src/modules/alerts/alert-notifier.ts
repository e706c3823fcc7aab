import type { Logger } from '../../platform/logger.ts';
import type { AlertNotification, NotificationChannel, Recipient } from './alert-channels.ts';
import { ruleOf } from './alerts.mappers.ts';
import type { AlertRow, AlertsRepository } from './alerts.repository.ts';

export interface NotifierDeps {
  repo: AlertsRepository;
  channels: readonly NotificationChannel[];
  logger: Logger;
  now: () => Date;
}

/**
 * Sends an alert to every channel without holding up the caller, and records each delivery.
 * A failed channel is logged and recorded; it never fails the alert.
 */
export class AlertNotifier {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly deps: NotifierDeps) {}

  notify(row: AlertRow, recipient: Recipient, reason: AlertNotification['reason']): void {
    const notification: AlertNotification = {
      alertId: row.id,
      kind: row.kind,
      rule: ruleOf(row),
      severity: row.severity,
      cameraId: row.camera_id,
      kindergartenId: row.kindergarten_id,
      districtId: row.district_id,
      at: new Date(row.at).toISOString(),
      recipient,
      reason,
    };
    for (const channel of this.deps.channels) {
      const job = this.deliver(channel, notification).finally(() => this.pending.delete(job));
      this.pending.add(job);
    }
  }

  /** Resolves when every notification sent so far has been delivered or given up. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async deliver(channel: NotificationChannel, n: AlertNotification): Promise<void> {
    const { repo, logger, now } = this.deps;
    const result = await channel
      .send(n)
      .catch((error: unknown) => ({ ok: false, attempts: 1, detail: String(error) }));
    const fields = { alertId: n.alertId, channel: channel.name, attempts: result.attempts };
    if (result.ok) logger.info({ ...fields, recipient: n.recipient }, 'alert.notification.sent');
    else logger.warn({ ...fields, detail: result.detail }, 'alert.notification.failed');
    await repo
      .recordDelivery({
        alert_id: n.alertId,
        channel: channel.name,
        recipient: n.recipient,
        outcome: result.ok ? 'sent' : 'failed',
        attempts: result.attempts,
        detail: result.detail,
        created_at: now(),
      })
      .catch((error: unknown) => logger.error({ err: error, ...fields }, 'alert.delivery.unsaved'));
  }
}
