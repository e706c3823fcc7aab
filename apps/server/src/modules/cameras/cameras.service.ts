import {
  can,
  type Action,
  type Actor,
  type Camera,
  type CameraCreate,
  type CameraUpdate,
} from '@gardenwatch/contracts';
import type { Updateable } from 'kysely';
import type { Bus } from '../../platform/bus.ts';
import type { Db } from '../../platform/db/database.ts';
import type { CamerasTable, CameraStatus } from '../../platform/db/schema.ts';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Secrets } from '../../platform/secrets.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { probeStream, type ProbeResult } from './camera-probe.ts';
import { splitCredentials, withCredentials } from './camera-url.ts';
import { cameraResource, toCamera } from './cameras.mappers.ts';
import {
  CamerasRepository,
  type AreaPlacement,
  type CameraFilter,
  type PlacedCamera,
} from './cameras.repository.ts';

export interface CameraContext {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

/** Published when a camera is added, changed or archived; the recorder follows it. */
export const cameraChangedSubject = 'camera.changed';
export interface CameraChanged {
  cameraId: string;
  change: 'added' | 'updated' | 'archived';
}

/** What the recorder needs of a camera: the URL with credentials, never shown elsewhere. */
export interface RecordingSource {
  cameraId: string;
  url: string;
  retentionDays: number;
  /** For health sampling: the sub stream with credentials, else the main stream. */
  sampleUrl: string;
  name: string;
  kindergartenId: string;
  districtId: string;
}

type StreamColumns = Pick<PlacedCamera, 'main_url' | 'username' | 'password_sealed'>;

export interface CamerasServiceDeps {
  db: Db;
  secrets: Secrets;
  bus: Bus;
  logger: Logger;
  audit: AuditService;
  now: () => Date;
  tools: () => FfmpegTools;
  probeTimeoutMs?: number;
}

export class CamerasService {
  private readonly repo: CamerasRepository;

  constructor(private readonly deps: CamerasServiceDeps) {
    this.repo = new CamerasRepository(deps.db);
  }

  async list(ctx: CameraContext, filter: CameraFilter): Promise<Camera[]> {
    const rows = await this.repo.list(filter);
    return rows
      .filter((row) => can(ctx.actor, 'camera.read', cameraResource(row.placement)))
      .filter(
        (row) => !row.archived_at || can(ctx.actor, 'camera.manage', cameraResource(row.placement)),
      )
      .map(toCamera);
  }

  async get(ctx: CameraContext, id: string): Promise<Camera> {
    const row = await this.require(ctx, 'camera.read', id);
    return toCamera(row);
  }

  async create(ctx: CameraContext, body: CameraCreate): Promise<Camera> {
    const placement = await this.filmablePlacement(ctx, body.areaId);
    const main = splitCredentials(body.mainUrl);
    const username = body.username ?? main.username;
    const password = body.password ?? main.password;
    const probe = await this.probe(withCredentials(main.url, username, password));

    const row = await this.repo
      .insert({
        area_id: body.areaId,
        name: body.name,
        main_url: main.url,
        sub_url: body.subUrl ? splitCredentials(body.subUrl).url : null,
        username,
        password_sealed: password ? this.deps.secrets.encrypt(password) : null,
        ...(body.retentionDays ? { retention_days: body.retentionDays } : {}),
        ...probeColumns(probe, this.deps.now()),
      })
      .catch(translateUnique);
    await this.changed(ctx, row.id, 'added', 'camera.create', { status: row.status });
    return toCamera({ ...row, placement });
  }

  async update(ctx: CameraContext, id: string, body: CameraUpdate): Promise<Camera> {
    const current = await this.require(ctx, 'camera.manage', id);
    const placement = body.areaId
      ? await this.filmablePlacement(ctx, body.areaId)
      : current.placement;
    const values = this.updateColumns(current, body);
    const streamChanged = ['main_url', 'username', 'password_sealed'].some((k) => k in values);
    if (streamChanged) {
      const source: StreamColumns = {
        main_url: values.main_url ?? current.main_url,
        username: values.username === undefined ? current.username : values.username,
        password_sealed:
          values.password_sealed === undefined ? current.password_sealed : values.password_sealed,
      };
      Object.assign(values, probeColumns(await this.probe(this.urlOf(source)), this.deps.now()));
    }

    const row = await this.repo
      .update(id, { ...values, updated_at: this.deps.now() })
      .catch(translateUnique);
    if (!row) throw notFound('camera', id);
    await this.changed(ctx, id, 'updated', 'camera.update', { streamChanged });
    return toCamera({ ...row, placement });
  }

  async reprobe(ctx: CameraContext, id: string): Promise<Camera> {
    const current = await this.require(ctx, 'camera.manage', id);
    const probe = await this.probe(this.urlOf(current));
    const row = await this.repo.update(id, probeColumns(probe, this.deps.now()));
    if (!row) throw notFound('camera', id);
    return toCamera({ ...row, placement: current.placement });
  }

  async archive(ctx: CameraContext, id: string): Promise<Camera> {
    const current = await this.require(ctx, 'camera.manage', id);
    if (current.archived_at) return toCamera(current);
    const row = await this.repo.update(id, {
      archived_at: this.deps.now(),
      updated_at: this.deps.now(),
    });
    if (!row) throw notFound('camera', id);
    await this.changed(ctx, id, 'archived', 'camera.archive', {});
    return toCamera({ ...row, placement: current.placement });
  }

  /** The cameras to record (system use: no actor). */
  async recordingSources(): Promise<RecordingSource[]> {
    const rows = await this.repo.listRecordable();
    return rows.map((row) => this.sourceOf(row));
  }

  /** One camera to record, or undefined when it is archived or gone (system use). */
  async recordingSource(id: string): Promise<RecordingSource | undefined> {
    const row = await this.repo.find(id);
    if (!row || row.archived_at || row.placement.neverFilmed || row.placement.archived)
      return undefined;
    return this.sourceOf(row);
  }

  /** Where a live camera is, for alerts raised on it (system use). */
  async placementOfCamera(id: string): Promise<AreaPlacement | undefined> {
    const row = await this.repo.find(id);
    return row && !row.archived_at ? row.placement : undefined;
  }

  /** The picture size the last probe found, if any (system use). */
  async pictureSize(id: string): Promise<{ width: number; height: number } | undefined> {
    const row = await this.repo.find(id);
    return row?.width && row.height ? { width: row.width, height: row.height } : undefined;
  }

  /** The sub stream (else the main) with credentials, for the analysis (system use). */
  async analysisSource(id: string): Promise<{ cameraId: string; url: string } | undefined> {
    const row = await this.repo.find(id);
    if (!row || row.archived_at || row.placement.neverFilmed || row.placement.archived)
      return undefined;
    const url = this.urlOf({ ...row, main_url: row.sub_url ?? row.main_url });
    return { cameraId: row.id, url };
  }

  /** Records what the recorder learnt of a camera's stream (system use). */
  async setStatus(id: string, status: CameraStatus, message: string | null): Promise<void> {
    await this.repo.update(id, { status, status_message: message });
  }

  private sourceOf(row: PlacedCamera): RecordingSource {
    const url = this.urlOf(row);
    return {
      cameraId: row.id,
      url,
      retentionDays: row.retention_days,
      sampleUrl: row.sub_url ? this.urlOf({ ...row, main_url: row.sub_url }) : url,
      name: row.name,
      kindergartenId: row.placement.kindergartenId,
      districtId: row.placement.districtId,
    };
  }

  private urlOf(row: StreamColumns): string {
    const password = row.password_sealed ? this.deps.secrets.decrypt(row.password_sealed) : null;
    return withCredentials(row.main_url, row.username, password);
  }

  private async probe(url: string): Promise<ProbeResult> {
    return probeStream({
      tools: this.deps.tools(),
      url,
      timeoutMs: this.deps.probeTimeoutMs ?? 8000,
    });
  }

  private updateColumns(current: PlacedCamera, body: CameraUpdate): Updateable<CamerasTable> {
    const values: Updateable<CamerasTable> = {};
    if (body.areaId !== undefined) values.area_id = body.areaId;
    if (body.name !== undefined) values.name = body.name;
    if (body.retentionDays !== undefined) values.retention_days = body.retentionDays;
    if (body.subUrl !== undefined)
      values.sub_url = body.subUrl && splitCredentials(body.subUrl).url;
    if (body.mainUrl !== undefined) {
      const main = splitCredentials(body.mainUrl);
      values.main_url = main.url;
      if (main.username && body.username === undefined) values.username = main.username;
      if (main.password && body.password === undefined) {
        values.password_sealed = this.deps.secrets.encrypt(main.password);
      }
    }
    if (body.username !== undefined) values.username = body.username;
    if (body.password !== undefined) {
      values.password_sealed = body.password ? this.deps.secrets.encrypt(body.password) : null;
    }
    if (current.main_url === values.main_url) delete values.main_url;
    return values;
  }

  private async filmablePlacement(ctx: CameraContext, areaId: string): Promise<AreaPlacement> {
    const placement = await this.repo.placementOf(areaId);
    if (!placement || !can(ctx.actor, 'org.read', cameraResource(placement))) {
      throw notFound('area', areaId);
    }
    await this.allow(ctx, 'camera.manage', placement, null);
    if (placement.neverFilmed) {
      throw badRequest('Toilets and changing rooms are never filmed', {
        areaKind: placement.areaKind,
      });
    }
    if (placement.archived) throw badRequest('The area is archived', { areaId });
    return placement;
  }

  private async require(ctx: CameraContext, action: Action, id: string): Promise<PlacedCamera> {
    const row = await this.repo.find(id);
    if (!row || !can(ctx.actor, 'camera.read', cameraResource(row.placement))) {
      throw notFound('camera', id);
    }
    await this.allow(ctx, action, row.placement, id);
    return row;
  }

  private async allow(
    ctx: CameraContext,
    action: Action,
    placement: AreaPlacement,
    id: string | null,
  ): Promise<void> {
    if (can(ctx.actor, action, cameraResource(placement))) return;
    await this.deps.audit.record({
      ...this.who(ctx),
      action,
      resourceType: 'camera',
      resourceId: id,
      outcome: 'denied',
    });
    throw forbidden();
  }

  private async changed(
    ctx: CameraContext,
    cameraId: string,
    change: CameraChanged['change'],
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.deps.audit.record({
      ...this.who(ctx),
      action,
      resourceType: 'camera',
      resourceId: cameraId,
      outcome: 'succeeded',
      details,
    });
    this.deps.logger.info({ cameraId, change }, 'camera.changed');
    await this.deps.bus.publish<CameraChanged>(cameraChangedSubject, { cameraId, change });
  }

  private who(ctx: CameraContext) {
    const { actor } = ctx;
    return {
      actor: { id: actor.id, username: actor.username, role: actor.role },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    };
  }
}

function probeColumns(probe: ProbeResult, now: Date): Updateable<CamerasTable> {
  if (probe.ok) {
    const { codec, width, height, fps } = probe;
    return {
      codec,
      width,
      height,
      fps: fps > 0 ? fps : null,
      status: 'online',
      status_message: null,
      probed_at: now,
    };
  }
  const status: CameraStatus = probe.failure === 'auth_failed' ? 'auth_failed' : 'offline';
  return { status, status_message: probe.message, probed_at: now };
}

function translateUnique(error: unknown): never {
  const code = (error as { code?: string }).code;
  if (code === '23505') {
    throw new AppError('CONFLICT', 'A camera with this name already exists in the area', {
      cause: error,
    });
  }
  throw error;
}
