import type { Platform } from '../../platform/context.ts';
import { lazyFfmpeg } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { CamerasService } from '../cameras/cameras.service.ts';
import { RecordingService } from './recording.service.ts';

export interface VideoServices {
  cameras: CamerasService;
  recording: RecordingService;
}

/** The camera registry and the recorders, sharing one ffmpeg resolution. */
export function createVideoServices(platform: Platform, audit: AuditService): VideoServices {
  const tools = lazyFfmpeg({ ffmpegPath: platform.config.ffmpegPath });
  const cameras = new CamerasService({
    db: platform.db,
    secrets: platform.secrets,
    bus: platform.bus,
    logger: platform.logger,
    audit,
    now: platform.now,
    tools,
  });
  const recording = new RecordingService({ platform, cameras, tools });
  return { cameras, recording };
}
