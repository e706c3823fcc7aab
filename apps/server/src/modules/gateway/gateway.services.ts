import type { Platform } from '../../platform/context.ts';
import { lazyFfmpeg } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import { mediaDirOf } from '../recording/segment-paths.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { GatewayChannels } from './gateway-channels.ts';
import { GatewayRuntime } from './gateway-runtime.ts';
import { GatewaySessions } from './gateway-sessions.ts';
import { GatewaySettingsService } from './gateway-settings.service.ts';

export interface GatewayServices {
  settings: GatewaySettingsService;
  channels: GatewayChannels;
  runtime: GatewayRuntime;
}

export interface GatewayOptions {
  /** Items per Catalog or RecordInfo message (20 by default). */
  itemsPerMessage?: number;
  keepaliveIntervalMs?: number;
  retryDelayMs?: number;
}

/** The gateway to the police platform: settings, the UA runtime, channels and media sessions. */
export function createGatewayServices(
  platform: Platform,
  deps: { audit: AuditService; cameras: CamerasService; recording: RecordingService },
  options: GatewayOptions = {},
): GatewayServices {
  const { config, logger } = platform;
  const tools = lazyFfmpeg({ ffmpegPath: config.ffmpegPath });
  const settings = new GatewaySettingsService({
    db: platform.db,
    secrets: platform.secrets,
    audit: deps.audit,
    now: platform.now,
    onChange: () => runtime.restart(),
  });
  const channels = new GatewayChannels({
    cameras: deps.cameras,
    recording: deps.recording,
    repo: settings.repo,
    timezone: config.defaultTimezone,
    itemsPerMessage: options.itemsPerMessage ?? 20,
  });
  let upper = { id: '', host: '' };
  const sessions = new GatewaySessions({
    cameras: deps.cameras,
    recording: deps.recording,
    audit: deps.audit,
    logger,
    tools,
    mediaDir: mediaDirOf(config.dataDir),
    mediaHost: config.host,
    now: platform.now,
    upper: () => upper,
    onPlaybackEnd: (_dialogId, channelId) => runtime.playbackEnded(channelId),
    onSourceLost: (dialogId) => runtime.sourceLost(dialogId),
  });
  const runtime: GatewayRuntime = new GatewayRuntime({
    settings,
    channels,
    sessions,
    bus: platform.bus,
    logger,
    now: platform.now,
    timezone: config.defaultTimezone,
    sipHost: config.host,
    onConfig: (current) => (upper = { id: current.upperId, host: current.upperHost }),
    ...(options.keepaliveIntervalMs ? { keepaliveIntervalMs: options.keepaliveIntervalMs } : {}),
    ...(options.retryDelayMs ? { retryDelayMs: options.retryDelayMs } : {}),
  });
  return { settings, channels, runtime };
}
