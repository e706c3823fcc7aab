import type { Platform } from '../../platform/context.ts';
import { lazyFfmpeg } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { CameraVideoAccess, type PoliceCaseGrants } from '../cameras/camera-video-access.ts';
import { ExportService } from '../exports/export.service.ts';
import { LiveService } from '../live/live.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { PlaybackService } from './playback.service.ts';

/** Watching video: live view, playback, export and snapshots, behind one access gate. */
export interface WatchServices {
  live: LiveService;
  playback: PlaybackService;
  exports: ExportService;
}

export function createWatchServices(
  platform: Platform,
  deps: { audit: AuditService; recording: RecordingService; policeCases?: PoliceCaseGrants },
): WatchServices {
  const { db, secrets, logger, now, config } = platform;
  const tools = lazyFfmpeg({ ffmpegPath: config.ffmpegPath });
  const access = new CameraVideoAccess({
    db,
    secrets,
    audit: deps.audit,
    ...(deps.policeCases ? { policeCases: deps.policeCases } : {}),
  });
  const live = new LiveService({
    access,
    audit: deps.audit,
    tools,
    logger,
    now,
    idleStopMs: config.liveIdleStopMs,
  });
  const playback = new PlaybackService({
    access,
    audit: deps.audit,
    recording: deps.recording,
    tools,
  });
  const exports = new ExportService({
    db,
    dataDir: config.dataDir,
    secrets,
    access,
    audit: deps.audit,
    recording: deps.recording,
    tools,
    logger,
    now,
  });
  return { live, playback, exports };
}
