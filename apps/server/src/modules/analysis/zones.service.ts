import { can, cameraZonesSchema, type CameraZone } from '@gardenwatch/contracts';
import type { Zone } from '@gardenwatch/vision';
import type { Platform } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { cameraResource } from '../cameras/cameras.mappers.ts';
import type { CameraContext, CamerasService } from '../cameras/cameras.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';

/** The zones drawn on each camera's picture; read by anyone who sees the camera. */
export class ZonesService {
  /** Told after a camera's zones were saved (the analysis takes them at once). */
  onChanged: (cameraId: string) => Promise<void> = () => Promise.resolve();

  constructor(
    private readonly deps: { platform: Platform; audit: AuditService; cameras: CamerasService },
  ) {}

  async get(ctx: CameraContext, cameraId: string): Promise<CameraZone[]> {
    await this.deps.cameras.get(ctx, cameraId);
    return this.stored(cameraId);
  }

  async put(ctx: CameraContext, cameraId: string, zones: CameraZone[]): Promise<CameraZone[]> {
    await this.deps.cameras.get(ctx, cameraId);
    const placement = await this.deps.cameras.placementOfCamera(cameraId);
    const entry = {
      actor: auditActorOf(ctx.actor),
      action: 'camera.zones.update',
      resourceType: 'camera',
      resourceId: cameraId,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    };
    if (!placement || !can(ctx.actor, 'camera.manage', cameraResource(placement))) {
      await this.deps.audit.record({ ...entry, outcome: 'denied' });
      throw forbidden();
    }

    const { db, now } = this.deps.platform;
    await db.transaction().execute(async (tx) => {
      const values = { zones: JSON.stringify(zones), updated_by: ctx.actor.id, updated_at: now() };
      await tx
        .insertInto('camera_zones')
        .values({ camera_id: cameraId, ...values })
        .onConflict((oc) => oc.column('camera_id').doUpdateSet(values))
        .execute();
      const kinds = zones.map((z) => z.kind).join(',');
      await this.deps.audit.record({ ...entry, outcome: 'succeeded', details: { kinds } }, tx);
    });
    await this.onChanged(cameraId);
    return zones;
  }

  /**
   * A camera's zones in analysis-frame pixels: the picture (of the camera's probed size) is
   * letter-boxed into the frame, so fractions of it map to the picture's place in the frame.
   */
  async forAnalysis(cameraId: string, frame: { width: number; height: number }): Promise<Zone[]> {
    const zones = await this.stored(cameraId);
    if (zones.length === 0) return [];
    const size = await this.deps.cameras.pictureSize(cameraId);
    const w = size?.width ?? frame.width;
    const h = size?.height ?? frame.height;
    const scale = Math.min(frame.width / w, frame.height / h);
    const ox = (frame.width - w * scale) / 2;
    const oy = (frame.height - h * scale) / 2;
    return zones.map((zone) => ({
      id: zone.id,
      kind: zone.kind,
      polygon: zone.polygon.map((p) => ({ x: ox + p.x * w * scale, y: oy + p.y * h * scale })),
    }));
  }

  private async stored(cameraId: string): Promise<CameraZone[]> {
    const row = await this.deps.platform.db
      .selectFrom('camera_zones')
      .select('zones')
      .where('camera_id', '=', cameraId)
      .executeTakeFirst();
    return row ? cameraZonesSchema.parse(row.zones) : [];
  }
}
