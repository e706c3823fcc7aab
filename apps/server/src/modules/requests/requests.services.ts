import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { NoticesService } from '../notices/notices.service.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { RequestAttachments } from './request-attachments.ts';
import { RequestsService } from './requests.service.ts';

export interface RequestServices {
  requests: RequestsService;
  attachments: RequestAttachments;
}

export function createRequestServices(
  platform: Platform,
  deps: { audit: AuditService; recording: RecordingService; notices: NoticesService },
): RequestServices {
  const requests = new RequestsService({
    platform,
    audit: deps.audit,
    holds: deps.recording.holds,
    notices: deps.notices,
  });
  const attachments = new RequestAttachments({ requests, dataDir: platform.config.dataDir });
  return { requests, attachments };
}
