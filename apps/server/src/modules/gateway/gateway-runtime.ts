import type { GatewayState } from '@gardenwatch/contracts';
import {
  buildAlarmNotify,
  buildCatalogNotifies,
  buildMediaStatusNotify,
  LowerPlatformUa,
  type Alarm,
  type CatalogItem,
  type UaEvent,
} from '@gardenwatch/gb28181';
import { z } from 'zod';
import type { Bus } from '../../platform/bus.ts';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { cameraChangedSubject } from '../cameras/cameras.service.ts';
import type { GatewayChannels } from './gateway-channels.ts';
import { subscribeSevereAlerts, type SevereAlert } from './gateway-alerts.ts';
import { domainOf } from './gateway-ids.ts';
import type { GatewaySessions } from './gateway-sessions.ts';
import type { GatewayConfig, GatewaySettingsService } from './gateway-settings.service.ts';
import { toGbTime } from './gb-time.ts';

export interface RuntimeDeps {
  settings: GatewaySettingsService;
  channels: GatewayChannels;
  sessions: GatewaySessions;
  bus: Bus;
  logger: Logger;
  now: () => Date;
  timezone: string;
  /** Local address of the SIP transport. */
  sipHost: string;
  keepaliveIntervalMs?: number;
  retryDelayMs?: number;
  /** Told of the settings each time the gateway starts with them. */
  onConfig?: (config: GatewayConfig) => void;
}

const cameraChanged = z.object({ cameraId: z.uuid(), change: z.string() });

/**
 * The gateway while it runs: one lower-platform UA registered with the police platform,
 * answering queries from the registry and serving media sessions.
 */
export class GatewayRuntime {
  private ua: LowerPlatformUa | null = null;
  private config: GatewayConfig | null = null;
  private lastError: string | null = null;
  private bootFailed = false;
  private registeredAt: Date | null = null;
  private announced = new Set<string>();
  private unsubscribe: Array<() => void> = [];
  private queue: Promise<unknown> = Promise.resolve();
  private sn = 1;

  constructor(private readonly deps: RuntimeDeps) {}

  /** Starts (or restarts) with the saved settings; changes are serialised. */
  restart(): Promise<void> {
    const next = this.queue.then(async () => {
      await this.shutdown();
      await this.boot();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  stop(): Promise<void> {
    const next = this.queue.then(() => this.shutdown());
    this.queue = next.catch(() => undefined);
    return next;
  }

  async state(): Promise<GatewayState> {
    const registration = this.ua
      ? this.ua.state
      : this.bootFailed
        ? 'failed'
        : this.config?.enabled
          ? 'idle'
          : 'disabled';
    return {
      registration,
      lastError: this.lastError,
      registeredAt: this.registeredAt?.toISOString() ?? null,
      channels: this.config ? (await this.deps.channels.list(this.config.deviceId)).length : 0,
      sessions: this.deps.sessions.list(),
    };
  }

  /** Forwards a severe alert to the police platform as an Alarm notification (section 9.4). */
  async forwardAlarm(alert: SevereAlert): Promise<number> {
    const { ua, config } = this;
    if (!ua || !config || ua.state !== 'registered') {
      throw new AppError('SERVICE_UNAVAILABLE', 'The police platform is not connected');
    }
    const channels = alert.cameraId ? await this.deps.channels.list(config.deviceId) : [];
    const channel = channels.find((c) => c.camera.id === alert.cameraId);
    const alarm: Alarm = {
      priority: alert.priority,
      // Method 5: video alarm, with the type chosen from the alert's kind (annex A.2.5).
      method: 5,
      type: alert.type ?? 2,
      time: toGbTime(alert.at, this.deps.timezone),
      description: alert.description.slice(0, 200),
    };
    const body = buildAlarmNotify({
      sn: this.sn++,
      deviceId: channel?.channelId ?? config.deviceId,
      alarm,
      encoding: ua.encoding,
    });
    const status = await ua.sendMessage(body);
    this.deps.logger.info({ cameraId: alert.cameraId ?? null, status }, 'gateway.alarm.forwarded');
    return status;
  }

  private async boot(): Promise<void> {
    const config = await this.deps.settings.config();
    this.config = config;
    this.lastError = null;
    this.bootFailed = false;
    if (!config?.enabled) return;
    this.deps.onConfig?.(config);
    try {
      this.ua = await LowerPlatformUa.create({
        transport: config.transport,
        localHost: this.deps.sipHost,
        localPort: config.localPort,
        deviceId: config.deviceId,
        domain: domainOf(config.deviceId),
        upper: {
          id: config.upperId,
          domain: config.upperDomain,
          host: config.upperHost,
          port: config.upperPort,
        },
        password: config.password,
        ...(this.deps.keepaliveIntervalMs
          ? { keepaliveIntervalMs: this.deps.keepaliveIntervalMs }
          : {}),
        ...(this.deps.retryDelayMs ? { retryDelayMs: this.deps.retryDelayMs } : {}),
        handlers: {
          onQuery: (query) => this.deps.channels.answer(config.deviceId, query),
          onInvite: async (invite) =>
            this.deps.sessions.invite(
              invite,
              await this.deps.channels.find(config.deviceId, invite.channelId),
            ),
          onAck: (dialogId) => void this.deps.sessions.acked(dialogId),
          onSessionEnd: (dialogId, reason) => void this.deps.sessions.end(dialogId, reason),
          onEvent: (event) => this.onUaEvent(event),
        },
      });
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      this.bootFailed = true;
      this.deps.logger.error({ err: error }, 'gateway.start_failed');
      return;
    }
    this.announced = new Set(
      (await this.deps.channels.list(config.deviceId)).map((c) => c.camera.id),
    );
    const { bus, logger } = this.deps;
    this.unsubscribe = [
      bus.subscribe(cameraChangedSubject, (message) => {
        const parsed = cameraChanged.safeParse(message.payload);
        if (parsed.success) void this.notifyCatalogChange(parsed.data.cameraId);
      }),
      subscribeSevereAlerts({ bus, logger, forward: (alert) => this.forwardAlarm(alert) }),
    ];
    await this.ua.start();
  }

  private async shutdown(): Promise<void> {
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe();
    await this.deps.sessions.endAll();
    const ua = this.ua;
    this.ua = null;
    this.registeredAt = null;
    await ua?.stop();
  }

  /** Section 9.6.4: a camera entering, changing in or leaving the shared set is notified. */
  private async notifyCatalogChange(cameraId: string): Promise<void> {
    const { ua, config } = this;
    if (!ua || !config || ua.state !== 'registered') return;
    const channels = await this.deps.channels.list(config.deviceId);
    const channel = channels.find((c) => c.camera.id === cameraId);
    const wasShared = this.announced.has(cameraId);
    if (!channel && !wasShared) return;
    this.announced = new Set(channels.map((c) => c.camera.id));
    // LIMITATION: a camera that left the shared set is announced as DEL without its old
    // channel details; upper platforms match DEL by DeviceID alone, which is kept here.
    const item: CatalogItem | null = channel
      ? {
          ...this.deps.channels.catalogItem(config.deviceId, channel),
          event: wasShared ? 'UPDATE' : 'ADD',
        }
      : await this.deps.channels.removedItem(config.deviceId, cameraId);
    if (!item) return;
    const bodies = buildCatalogNotifies({
      sn: this.sn++,
      deviceId: config.deviceId,
      items: [item],
      encoding: ua.encoding,
    });
    for (const body of bodies) {
      await ua.sendMessage(body).catch(() => null);
    }
  }

  private onUaEvent(event: UaEvent): void {
    switch (event.type) {
      case 'registered':
        this.registeredAt = this.deps.now();
        this.lastError = null;
        this.deps.logger.info({ expiresSec: event.expiresSec }, 'gateway.registered');
        return;
      case 'registration-failed':
        this.lastError = event.status ? `REGISTER answered ${event.status}` : event.error.message;
        this.registeredAt = null;
        this.deps.logger.warn({ status: event.status }, 'gateway.registration_failed');
        return;
      case 'keepalive-missed':
        this.deps.logger.warn({ missed: event.missed }, 'gateway.keepalive_missed');
        return;
      case 'handler-failed':
        this.deps.logger.error({ operation: event.operation, err: event.error }, 'gateway.failed');
        return;
      case 'unregistered':
      case 'request-refused':
      case 'sip':
        return;
    }
  }

  /** MediaStatus 121 (section 9.8.4) when a playback or download has sent all its footage. */
  playbackEnded(channelId: string): void {
    const ua = this.ua;
    if (!ua) return;
    const body = buildMediaStatusNotify({
      sn: this.sn++,
      deviceId: channelId,
      encoding: ua.encoding,
    });
    void ua.sendMessage(body).catch(() => null);
  }

  /** A live source is gone: end the call from our side. */
  sourceLost(dialogId: string): void {
    void this.ua?.bye(dialogId);
  }
}
