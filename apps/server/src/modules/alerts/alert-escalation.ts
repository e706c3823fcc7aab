import type { Logger } from '../../platform/logger.ts';
import { levelName, TOP_LEVEL } from './alert-policy.ts';
import type { AlertNotifier } from './alert-notifier.ts';
import type { AlertsRepository } from './alerts.repository.ts';

export interface EscalationDeps {
  repo: AlertsRepository;
  notifier: AlertNotifier;
  logger: Logger;
  now: () => Date;
  /** How long each level has to acknowledge before the next is asked. */
  escalationMs: number;
  /** How often the timer looks for due alerts. */
  tickMs: number;
  onEscalated: (alertId: string) => void;
}

/**
 * Escalates unacknowledged alerts: security officer, then principal, then district reviewer.
 * When each step is due is stored on the alert, so a restart loses nothing: the first tick
 * after it catches up. Several processes may tick; the update only wins once per step.
 */
export class AlertEscalation {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly deps: EscalationDeps) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tickSafely(), this.deps.tickMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Escalates every due alert once; returns how many moved. */
  async tick(): Promise<number> {
    const { repo, notifier, now, escalationMs } = this.deps;
    const due = await repo.dueForEscalation(now());
    let moved = 0;

    for (const row of due) {
      const level = row.escalation_level + 1;
      const nextAt = level < TOP_LEVEL ? new Date(now().getTime() + escalationMs) : null;
      if (!(await repo.escalate(row, nextAt))) continue;
      moved++;
      notifier.notify({ ...row, escalation_level: level }, levelName(level), 'escalated');
      this.deps.logger.info({ alertId: row.id, level: levelName(level) }, 'alert.escalated');
      this.deps.onEscalated(row.id);
    }
    return moved;
  }

  private async tickSafely(): Promise<void> {
    if (this.running) return;
    this.running = this.tick()
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'alert.escalation.failed');
        return 0;
      })
      .finally(() => (this.running = undefined));
    await this.running;
  }
}
