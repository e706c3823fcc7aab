import type { Actor, ExportCreate, ExportManifest, VideoExport } from '@gardenwatch/contracts';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Secrets } from '../../platform/secrets.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CameraVideoAccess, WatchableCamera } from '../cameras/camera-video-access.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import type { StoredSegment } from '../recording/recording.repository.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { writeClip } from './clip-writer.ts';
import { MANIFEST_FILE, signManifest, type UnsignedManifest } from './export-manifest.ts';
import { missingSpans, planRuns, type PlannedRun } from './export-plan.ts';

export interface ExportServiceDeps {
  db: Db;
  dataDir: string;
  secrets: Secrets;
  access: CameraVideoAccess;
  audit: AuditService;
  recording: RecordingService;
  tools: () => FfmpegTools;
  logger: Logger;
  now: () => Date;
}

interface CameraPlan {
  camera: WatchableCamera;
  runs: PlannedRun<StoredSegment>[];
  gaps: ExportManifest['gaps'];
}

/**
 * Clips of recorded footage: stream copies of the indexed segments, one MP4 per camera and
 * contiguous run, with a manifest signed by the server key. The range is held from the start,
 * so retention cannot take the footage while it is copied or afterwards.
 */
export class ExportService {
  constructor(private readonly deps: ExportServiceDeps) {}

  exportsDir(): string {
    return path.join(this.deps.dataDir, 'exports');
  }

  async create(ctx: CameraContext, body: ExportCreate): Promise<VideoExport> {
    const range = { from: new Date(body.from), to: new Date(body.to) };
    const cameras: WatchableCamera[] = [];
    for (const id of body.cameraIds) {
      cameras.push(await this.deps.access.authorize(ctx, id, 'video.export'));
    }
    const plans = await Promise.all(cameras.map((camera) => this.plan(camera, range)));
    if (plans.every((plan) => plan.runs.length === 0)) throw await this.noFootage(cameras);

    const id = randomUUID();
    const holds = await this.hold(id, cameras, range, body.reason);
    const dir = path.join(this.exportsDir(), id);
    try {
      const startedAt = performance.now();
      const manifest = await this.write({ id, dir, ctx, body, plans });
      const writeMs = Math.round(performance.now() - startedAt);
      await this.store(ctx, id, manifest, body);
      const files = manifest.files.length;
      this.deps.logger.info({ exportId: id, files, writeMs }, 'export.created');
      return { id, createdAt: manifest.createdAt, manifest };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      await Promise.all(holds.map((hold) => this.deps.recording.holds.release(hold)));
      throw error;
    }
  }

  async get(ctx: CameraContext, id: string): Promise<VideoExport> {
    const row = await this.find(ctx, id);
    return { id: row.id, createdAt: row.createdAt, manifest: row.manifest };
  }

  /** A file of an export, for its author or whoever may export all its cameras (audited). */
  async file(
    ctx: CameraContext,
    id: string,
    name: string,
  ): Promise<{ path: string; bytes: number }> {
    const row = await this.find(ctx, id);
    const listed = name === MANIFEST_FILE || row.manifest.files.some((f) => f.name === name);
    if (!listed) throw notFound('export file', name);
    const full = path.join(this.exportsDir(), row.id, name);
    const info = await stat(full).catch(() => null);
    if (!info) throw notFound('export file', name);
    await this.audit(ctx, id, 'video.export.download', { file: name });
    return { path: full, bytes: info.size };
  }

  private async find(ctx: CameraContext, id: string) {
    const row = await this.deps.db
      .selectFrom('video_exports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('export', id);
    if (row.created_by !== ctx.actor.id) {
      for (const cameraId of row.camera_ids) {
        await this.deps.access.authorize(ctx, cameraId, 'video.export').catch((error: unknown) => {
          throw error instanceof AppError && error.code === 'NOT_FOUND' ? forbidden() : error;
        });
      }
    }
    const manifest = (
      typeof row.manifest === 'string' ? JSON.parse(row.manifest) : row.manifest
    ) as ExportManifest;
    return { id: row.id, createdAt: new Date(row.created_at).toISOString(), manifest };
  }

  private async plan(
    camera: WatchableCamera,
    range: { from: Date; to: Date },
  ): Promise<CameraPlan> {
    const { repo } = this.deps.recording;
    const segments = await repo.segmentsBetween(camera.id, range.from, range.to);
    const recorded = await repo.gapsBetween(camera.id, range.from, range.to);
    const runs = planRuns(segments, range);
    const gaps = missingSpans(runs, range, recorded).map((gap) => ({
      cameraId: camera.id,
      from: gap.from.toISOString(),
      to: gap.to.toISOString(),
      cause: gap.cause,
    }));
    return { camera, runs, gaps };
  }

  private async write(input: {
    id: string;
    dir: string;
    ctx: CameraContext;
    body: ExportCreate;
    plans: CameraPlan[];
  }): Promise<ExportManifest> {
    const { id, dir, ctx, body, plans } = input;
    await mkdir(dir, { recursive: true });
    const files: ExportManifest['files'] = [];
    for (const { camera, runs } of plans) {
      for (const run of runs) {
        const name = `${camera.id.slice(0, 8)}-${compact(run.from)}.mp4`;
        const output = path.join(dir, name);
        const segmentFiles = run.segments.map((s) =>
          path.join(this.deps.recording.store.mediaDir, s.path),
        );
        const written = await writeClip({
          tools: this.deps.tools(),
          run,
          files: segmentFiles,
          output,
        });
        files.push({
          name,
          cameraId: camera.id,
          from: run.from.toISOString(),
          to: run.to.toISOString(),
          ...written,
        });
      }
    }
    const unsigned: UnsignedManifest = {
      version: 1,
      exportId: id,
      createdAt: this.deps.now().toISOString(),
      exportedBy: actorOf(ctx.actor),
      reason: body.reason,
      range: { from: new Date(body.from).toISOString(), to: new Date(body.to).toISOString() },
      cameras: plans.map(({ camera }) => ({
        id: camera.id,
        name: camera.name,
        kindergartenId: camera.kindergartenId,
        areaKind: camera.areaKind,
      })),
      files,
      gaps: plans.flatMap((plan) => plan.gaps),
    };
    const manifest = signManifest(unsigned, this.deps.secrets.manifestKeyPair().privateKey);
    await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  }

  private async hold(
    id: string,
    cameras: WatchableCamera[],
    range: { from: Date; to: Date },
    reason: string,
  ): Promise<string[]> {
    const holds = await Promise.all(
      cameras.map((camera) =>
        this.deps.recording.holds.create({
          cameraId: camera.id,
          ...range,
          reason,
          owner: `export:${id}`,
        }),
      ),
    );
    return holds.map((hold) => hold.id);
  }

  private async store(
    ctx: CameraContext,
    id: string,
    manifest: ExportManifest,
    body: ExportCreate,
  ) {
    await this.deps.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('video_exports')
        .values({
          id,
          created_by: ctx.actor.id,
          from_at: new Date(body.from),
          to_at: new Date(body.to),
          camera_ids: body.cameraIds,
          reason: body.reason,
          dir: id,
          manifest: JSON.stringify(manifest),
        })
        .execute();
      await this.audit(
        ctx,
        id,
        'video.export',
        {
          cameraIds: body.cameraIds,
          from: manifest.range.from,
          to: manifest.range.to,
          files: manifest.files.length,
        },
        tx,
        body.reason,
      );
    });
  }

  private async noFootage(cameras: WatchableCamera[]): Promise<AppError> {
    const available = await Promise.all(
      cameras.map(async (camera) => {
        const kept = await this.deps.recording.repo.keptRange(camera.id);
        return {
          cameraId: camera.id,
          available: kept && { from: kept.from.toISOString(), to: kept.to.toISOString() },
        };
      }),
    );
    return new AppError('NOT_FOUND', 'No footage of these cameras in that range', {
      details: { resource: 'footage', available },
    });
  }

  private async audit(
    ctx: CameraContext,
    exportId: string,
    action: string,
    details: Record<string, unknown>,
    tx?: Parameters<AuditService['record']>[1],
    purpose?: string,
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: auditActorOf(ctx.actor),
        action,
        resourceType: 'export',
        resourceId: exportId,
        purpose: purpose ?? null,
        outcome: 'succeeded',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details,
      },
      tx,
    );
  }
}

const actorOf = (actor: Actor) => ({ id: actor.id, username: actor.username, role: actor.role });

/** `20261204T081500Z`: sortable, safe in any file system. */
const compact = (at: Date): string => at.toISOString().replace(/[-:]|\.\d{3}/g, '');
