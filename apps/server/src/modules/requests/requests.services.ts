import { InferencePool } from '@gardenwatch/vision';
import type { Platform } from '../../platform/context.ts';
import { lazyFfmpeg } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { NoticesService } from '../notices/notices.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { faceFinder, headAndFaceFinder } from './redaction/head-regions.ts';
import { RedactionService, type FaceSearch } from './redaction/redaction.service.ts';
import { ReleaseService } from './release.service.ts';
import { RequestAttachments } from './request-attachments.ts';
import { RequestsService } from './requests.service.ts';

export interface RequestServices {
  requests: RequestsService;
  attachments: RequestAttachments;
  redaction: RedactionService;
  release: ReleaseService;
  /** Stops the face detector's threads, if they were started. */
  close(): Promise<void>;
}

export function createRequestServices(
  platform: Platform,
  deps: { audit: AuditService; recording: RecordingService; notices: NoticesService },
): RequestServices {
  const holds = deps.recording.holds;
  const requests = new RequestsService({
    platform,
    audit: deps.audit,
    holds,
    notices: deps.notices,
  });
  const attachments = new RequestAttachments({ requests, dataDir: platform.config.dataDir });
  let pool: Promise<InferencePool> | undefined;
  const faces = async (): Promise<FaceSearch> => {
    pool ??= InferencePool.start();
    const started = await pool;
    return {
      parallel: started.size,
      findFaces: faceFinder(started),
      findRegions: headAndFaceFinder(started),
    };
  };
  const tools = lazyFfmpeg({ ffmpegPath: platform.config.ffmpegPath });
  const redaction = new RedactionService({
    platform,
    requests,
    recording: deps.recording,
    tools,
    faces,
  });
  const release = new ReleaseService({ platform, requests, redaction, holds });
  const close = async () => {
    await redaction.idle();
    if (pool) await (await pool).close();
  };
  return { requests, attachments, redaction, release, close };
}
