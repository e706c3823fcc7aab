import { can, type Action } from '@gardenwatch/contracts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { Secrets } from '../../platform/secrets.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import { withCredentials } from './camera-url.ts';
import { cameraResource } from './cameras.mappers.ts';
import { CamerasRepository, type PlacedCamera } from './cameras.repository.ts';
import type { CameraContext } from './cameras.service.ts';

export type VideoAction = Extract<Action, `video.${string}`>;
export type StreamKind = 'main' | 'sub';

/** A camera someone may watch, with what the video paths need and nothing to show. */
export interface WatchableCamera {
  id: string;
  name: string;
  kindergartenId: string;
  districtId: string;
  areaKind: string;
  isKey: boolean;
  retentionDays: number;
  /** RTSP URL with credentials, for ffmpeg only; the main stream when there is no sub stream. */
  streamUrl(stream: StreamKind): string;
}

/** An open police case that lets its officer see a camera (kept by the police-cases module). */
export interface PoliceCaseGrant {
  caseId: string;
  caseNumber: string;
  /** A non-key area, seen because a district reviewer approved it for the case. */
  approvedArea: boolean;
}

export type PoliceCaseGrants = (
  actor: CameraContext['actor'],
  camera: { areaId: string; kindergartenId: string; isKey: boolean },
) => Promise<PoliceCaseGrant | null>;

/** A sight under a case is audited against it once per camera, action and this interval. */
const CASE_SIGHT_INTERVAL_MS = 10 * 60_000;

/**
 * The one gate of every video path: the camera must exist (404), and `can()` must allow the
 * action on it (else one `denied` audit row and 403). Unlike the registry, a camera outside the
 * actor's sight answers 403 rather than 404, so that every refused look at video is recorded.
 */
export class CameraVideoAccess {
  private readonly repo: CamerasRepository;
  private readonly caseSights = new Map<string, number>();

  constructor(
    private readonly deps: {
      db: Db;
      secrets: Secrets;
      audit: AuditService;
      policeCases?: PoliceCaseGrants;
    },
  ) {
    this.repo = new CamerasRepository(deps.db);
  }

  async authorize(
    ctx: CameraContext,
    cameraId: string,
    action: VideoAction,
  ): Promise<WatchableCamera> {
    const row = await this.repo.find(cameraId);
    if (!row || row.archived_at) throw notFound('camera', cameraId);
    return this.authorizeRow(ctx, row, action);
  }

  /** `authorize` for a camera row already read. */
  private async authorizeRow(
    ctx: CameraContext,
    row: PlacedCamera,
    action: VideoAction,
  ): Promise<WatchableCamera> {
    const cameraId = row.id;
    const grant =
      ctx.actor.role === 'police' && this.deps.policeCases
        ? await this.deps.policeCases(ctx.actor, row.placement)
        : null;
    const resource = {
      ...cameraResource(row.placement),
      ...(grant?.approvedArea ? { approvedForPoliceCase: true } : {}),
    };
    if (!can(ctx.actor, action, resource)) {
      await this.deps.audit.record({
        actor: auditActorOf(ctx.actor),
        action,
        resourceType: 'camera',
        resourceId: cameraId,
        outcome: 'denied',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
      });
      throw forbidden('Your role may not watch this camera');
    }
    if (grant) await this.auditCaseSight(ctx, { grant, cameraId, action });
    return this.watchable(row);
  }

  /**
   * Every camera of an area for one action: 404 for an unknown area, 403 (with the refused
   * camera's audit row) when the action is refused on any of them.
   */
  async authorizeArea(
    ctx: CameraContext,
    areaId: string,
    action: VideoAction,
  ): Promise<{ name: string; cameras: WatchableCamera[] }> {
    const placement = await this.repo.placementOf(areaId);
    if (!placement) throw notFound('area', areaId);
    const rows = await this.repo.list({ areaId, includeArchived: false });
    const cameras: WatchableCamera[] = [];
    for (const row of rows) cameras.push(await this.authorizeRow(ctx, row, action));
    return { name: placement.areaName, cameras };
  }

  private async auditCaseSight(
    ctx: CameraContext,
    sight: { grant: PoliceCaseGrant; cameraId: string; action: VideoAction },
  ): Promise<void> {
    const key = `${ctx.actor.id}:${sight.grant.caseId}:${sight.cameraId}:${sight.action}`;
    const now = Date.now();
    if ((this.caseSights.get(key) ?? 0) > now - CASE_SIGHT_INTERVAL_MS) return;
    this.caseSights.set(key, now);
    await this.deps.audit.record({
      actor: auditActorOf(ctx.actor),
      action: `police_case.${sight.action}`,
      resourceType: 'police_case',
      resourceId: sight.grant.caseId,
      purpose: sight.grant.caseNumber,
      outcome: 'succeeded',
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
      details: { cameraId: sight.cameraId, approvedArea: sight.grant.approvedArea },
    });
  }

  private watchable(row: PlacedCamera): WatchableCamera {
    const password = row.password_sealed ? this.deps.secrets.decrypt(row.password_sealed) : null;
    return {
      id: row.id,
      name: row.name,
      kindergartenId: row.placement.kindergartenId,
      districtId: row.placement.districtId,
      areaKind: row.placement.areaKind,
      isKey: row.placement.isKey,
      retentionDays: row.retention_days,
      streamUrl: (stream) =>
        withCredentials(
          stream === 'sub' && row.sub_url ? row.sub_url : row.main_url,
          row.username,
          password,
        ),
    };
  }
}
