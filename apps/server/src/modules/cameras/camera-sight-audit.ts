import type { AuditService } from '../audit/audit.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import type { CameraContext } from './cameras.service.ts';

export interface CameraSight {
  cameraId: string;
  /** The audited act, such as `video.live.start` or `video.snapshot`. */
  action: string;
  details: Record<string, unknown>;
}

/** One audit row for a sight of a camera's video that was granted. */
export async function recordCameraSight(
  audit: AuditService,
  ctx: CameraContext,
  sight: CameraSight,
): Promise<void> {
  await audit.record({
    actor: auditActorOf(ctx.actor),
    action: sight.action,
    resourceType: 'camera',
    resourceId: sight.cameraId,
    outcome: 'succeeded',
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    details: sight.details,
  });
}
