import type { Camera, Resource } from '@gardenwatch/contracts';
import type { AreaPlacement, PlacedCamera } from './cameras.repository.ts';

export function cameraResource(placement: AreaPlacement): Resource {
  return {
    kind: 'camera',
    districtId: placement.districtId,
    kindergartenId: placement.kindergartenId,
    areaKind: placement.areaKind,
    isKey: placement.isKey,
  };
}

/** The API view: no username or password, only whether there are any. */
export function toCamera(row: PlacedCamera): Camera {
  return {
    id: row.id,
    areaId: row.area_id,
    areaKind: row.placement.areaKind,
    kindergartenId: row.placement.kindergartenId,
    districtId: row.placement.districtId,
    name: row.name,
    mainUrl: row.main_url,
    subUrl: row.sub_url,
    hasCredentials: row.username !== null,
    codec: row.codec,
    width: row.width,
    height: row.height,
    fps: row.fps,
    retentionDays: row.retention_days,
    status: row.status,
    statusMessage: row.status_message,
    probedAt: row.probed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    archivedAt: row.archived_at?.toISOString() ?? null,
  };
}
