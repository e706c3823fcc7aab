import {
  alertChangedEventSchema,
  alertRaisedEventSchema,
  alertSubjects,
  alertChangedSubject,
  type Actor,
  type AlertLiveMessage,
} from '@gardenwatch/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { Logger } from '../../platform/logger.ts';
import type { AlertsService } from './alerts.service.ts';

export interface LiveListener {
  actor: Actor;
  send(message: AlertLiveMessage): void;
}

/**
 * Pushes raised and changed alerts to open consoles. It follows the bus rather than the
 * service, so a console hears alerts raised by any process; each listener gets only the
 * alerts its actor may read.
 */
export class AlertsLive {
  private readonly listeners = new Set<LiveListener>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: { bus: Bus; logger: Logger; alerts: AlertsService }) {}

  start(): void {
    this.unsubscribe.push(
      this.deps.bus.subscribe(alertSubjects.raised, async (message) => {
        const event = alertRaisedEventSchema.safeParse(message.payload);
        if (event.success) await this.push('raised', event.data.alertId);
      }),
      this.deps.bus.subscribe(alertChangedSubject, async (message) => {
        const event = alertChangedEventSchema.safeParse(message.payload);
        if (event.success) await this.push('changed', event.data.alertId);
      }),
    );
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.listeners.clear();
  }

  add(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  private async push(type: AlertLiveMessage['type'], alertId: string): Promise<void> {
    for (const listener of this.listeners) {
      const alert = await this.deps.alerts.visibleTo(listener.actor, alertId);
      if (alert) listener.send({ type, alert });
    }
  }
}
