import { alertChangedSubject } from '@gardenwatch/contracts';
import { Counter } from 'prom-client';
import type { Platform } from '../../platform/context.ts';
import { lazyFfmpeg } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { CameraVideoAccess } from '../cameras/camera-video-access.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { WebhookChannel, type NotificationChannel } from './alert-channels.ts';
import { AlertEscalation } from './alert-escalation.ts';
import { AlertNotifier } from './alert-notifier.ts';
import { AlertsLive } from './alerts-live.ts';
import { AlertsRepository } from './alerts.repository.ts';
import { AlertsService } from './alerts.service.ts';
import { AnalysisService } from '../analysis/analysis.service.ts';
import { ZonesService } from '../analysis/zones.service.ts';
import type { GalleryService } from '../gallery/gallery.service.ts';

export interface AlertsServices {
  alerts: AlertsService;
  repo: AlertsRepository;
  notifier: AlertNotifier;
  escalation: AlertEscalation;
  live: AlertsLive;
  /** The analysis runner that raises alerts from camera frames; started by `gardenwatch start`. */
  analysis: AnalysisService;
  zones: ZonesService;
  cameras: CamerasService;
  stop(): Promise<void>;
}

export interface AlertsOptions {
  /** Channels besides the configured webhook (tests add their own). */
  channels?: NotificationChannel[];
  escalationTickMs?: number;
}

/** The alerts module: the service, its escalation timer and the live push, started at once. */
export function createAlertsServices(
  platform: Platform,
  deps: {
    audit: AuditService;
    cameras: CamerasService;
    recording: RecordingService;
    gallery?: GalleryService;
  },
  options: AlertsOptions = {},
): AlertsServices {
  const { db, secrets, logger, now, config, bus } = platform;
  const repo = new AlertsRepository(db);
  const channels = [...webhookOf(platform), ...(options.channels ?? [])];
  const notifier = new AlertNotifier({ repo, channels, logger, now });
  const raisedCounter = new Counter({
    name: 'gardenwatch_alerts_raised_total',
    help: 'Alerts raised, by rule and severity (repeats within the cool-down not counted)',
    labelNames: ['rule', 'severity'] as const,
    registers: [platform.metrics.registry],
  });
  const alerts = new AlertsService({
    platform,
    audit: deps.audit,
    repo,
    holds: deps.recording.holds,
    access: new CameraVideoAccess({ db, secrets, audit: deps.audit }),
    raise: {
      platform,
      repo,
      cameras: deps.cameras,
      holds: deps.recording.holds,
      notifier,
      tools: lazyFfmpeg({ ffmpegPath: config.ffmpegPath }),
      cooldownMs: config.alerts.cooldownMs,
      escalationMs: config.alerts.escalationMs,
      raisedCounter,
    },
  });
  const live = new AlertsLive({ bus, logger, alerts });
  const tools = lazyFfmpeg({ ffmpegPath: config.ffmpegPath });
  const gallery = deps.gallery;
  const zones = new ZonesService({ platform, audit: deps.audit, cameras: deps.cameras });
  const analysis = new AnalysisService({
    platform,
    cameras: deps.cameras,
    alerts,
    tools,
    zones,
    ...(gallery && { galleries: (id: string) => gallery.galleriesFor(id) }),
  });
  const escalation = new AlertEscalation({
    repo,
    notifier,
    logger,
    now,
    escalationMs: config.alerts.escalationMs,
    tickMs: options.escalationTickMs ?? 5000,
    onEscalated: (alertId) => void bus.publish(alertChangedSubject, { alertId }),
  });
  zones.onChanged = (cameraId) => analysis.zonesChanged(cameraId);
  live.start();
  escalation.start();
  return {
    alerts,
    repo,
    notifier,
    escalation,
    live,
    analysis,
    zones,
    cameras: deps.cameras,
    stop: async () => {
      await analysis.stop();
      live.stop();
      await escalation.stop();
      await notifier.idle();
    },
  };
}

function webhookOf(platform: Platform): NotificationChannel[] {
  const webhook = platform.config.alerts.webhook;
  return webhook ? [new WebhookChannel(webhook)] : [];
}
