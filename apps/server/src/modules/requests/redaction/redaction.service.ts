import type { RedactionItem } from '@gardenwatch/contracts';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Platform } from '../../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../../platform/errors.ts';
import type { FfmpegTools } from '../../../platform/ffmpeg.ts';
import type { FootageRedactionsTable } from '../../../platform/db/schema.ts';
import { writeClip } from '../../exports/clip-writer.ts';
import { planRuns } from '../../exports/export-plan.ts';
import type { RecordingService } from '../../recording/recording.service.ts';
import type { RequestContext, RequestsService } from '../requests.service.ts';
import type { FaceTrack } from './face-tracks.ts';
import {
  DEFAULT_REDACTION,
  detectClip,
  redactAndCheck,
  type DetectedClip,
  strideFor,
  type FaceFinder,
} from './redactor.ts';
import { probeVideo } from './raw-video.ts';
import { toRedactionItem, type RedactionRow } from './redaction-view.ts';

export interface FaceSearch {
  findFaces: FaceFinder;
  findRegions?: FaceFinder;
  parallel: number;
}

export interface RedactionDeps {
  platform: Platform;
  requests: RequestsService;
  recording: RecordingService;
  tools: () => FfmpegTools;
  /** The face detector, started on first use. */
  faces: () => Promise<FaceSearch>;
}

type Status = FootageRedactionsTable['status'];

/**
 * The redaction of a request's footage as background jobs: the window is copied per camera and
 * run of recording, every face is found and tracked, then (once the reviewer releases) the
 * clip is rendered with the masked faces pixelated and checked again for faces.
 */
export class RedactionService {
  private readonly jobs = new Set<Promise<void>>();

  constructor(private readonly deps: RedactionDeps) {}

  dirOf(requestId: string): string {
    return path.join(this.deps.platform.config.dataDir, 'redactions', requestId);
  }

  sourceOf(requestId: string, itemId: string): string {
    return path.join(this.dirOf(requestId), `${itemId}.source.mp4`);
  }

  outputOf(requestId: string, itemId: string): string {
    return path.join(this.dirOf(requestId), `${itemId}.redacted.mp4`);
  }

  /** Starts face tracking of the window (once; again only for items that failed). */
  async start(ctx: RequestContext, requestId: string): Promise<RedactionItem[]> {
    const request = await this.deps.requests.reviewable(ctx.actor, requestId);
    if (request.status !== 'pending') throw conflict('The request was already decided');
    const existing = await this.rows(requestId);
    if (existing.some((r) => r.status !== 'failed')) return existing.map(toRedactionItem);

    const range = { from: new Date(request.from_at), to: new Date(request.to_at) };
    const planned = [];
    for (const cameraId of request.camera_ids) {
      const segments = await this.deps.recording.repo.segmentsBetween(
        cameraId,
        range.from,
        range.to,
      );
      for (const run of planRuns(segments, range)) planned.push({ cameraId, run });
    }
    if (planned.length === 0)
      throw badRequest('No footage was recorded in this window', { field: 'id' });

    await mkdir(this.dirOf(requestId), { recursive: true });
    const rows: RedactionRow[] = [];
    for (const { cameraId, run } of planned) {
      const row = await this.deps.platform.db
        .insertInto('footage_redactions')
        .values({
          request_id: requestId,
          camera_id: cameraId,
          from_at: run.from,
          to_at: run.to,
          status: 'detecting',
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      rows.push(row);
      const files = run.segments.map((s) => path.join(this.deps.recording.store.mediaDir, s.path));
      this.track(row.id, this.detect(row, { run, files }));
    }
    await this.deps.requests.audit(ctx, {
      action: 'footage_request.redaction.start',
      requestId,
      details: { items: rows.length },
    });
    return rows.map(toRedactionItem);
  }

  async items(ctx: RequestContext, requestId: string): Promise<RedactionItem[]> {
    await this.deps.requests.reviewable(ctx.actor, requestId);
    return (await this.rows(requestId)).map(toRedactionItem);
  }

  async setUnmasked(
    ctx: RequestContext,
    ids: { requestId: string; itemId: string },
    trackIds: number[],
  ): Promise<RedactionItem> {
    const request = await this.deps.requests.reviewable(ctx.actor, ids.requestId);
    if (request.status !== 'pending') throw conflict('The request was already decided');
    const row = await this.row(ids.requestId, ids.itemId);
    if (row.status !== 'ready') throw conflict('Faces are still being found', { field: 'itemId' });
    const known = new Set(tracksOf(row).map((t) => t.id));
    const unknown = trackIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw badRequest('Unknown tracks', { field: 'trackIds', trackIds: unknown });
    }
    const updated = await this.update(row.id, { unmasked: [...new Set(trackIds)] });
    await this.deps.requests.audit(ctx, {
      action: 'footage_request.redaction.unmask',
      requestId: ids.requestId,
      details: { itemId: row.id, trackIds },
    });
    return toRedactionItem(updated);
  }

  /** The original clip of an item, for the reviewer's review page (audited). */
  async sourceFile(ctx: RequestContext, ids: { requestId: string; itemId: string }) {
    await this.deps.requests.reviewable(ctx.actor, ids.requestId);
    const row = await this.row(ids.requestId, ids.itemId);
    if (row.status === 'detecting')
      throw conflict('The clip is still being copied', { field: 'itemId' });
    await this.deps.requests.audit(ctx, {
      action: 'footage_request.watch',
      requestId: ids.requestId,
      details: { itemId: row.id, cameraId: row.camera_id },
    });
    return this.sourceOf(ids.requestId, ids.itemId);
  }

  /** All items tracked and none failed: the reviewer may release. */
  async readyToRelease(requestId: string): Promise<boolean> {
    const rows = await this.rows(requestId);
    return rows.length > 0 && rows.every((r) => r.status === 'ready');
  }

  /** Renders every item with the watermark, in the background. */
  async render(requestId: string, watermark: string): Promise<void> {
    for (const row of await this.rows(requestId)) {
      const updated = await this.update(row.id, { status: 'rendering', progress: 0 });
      this.track(row.id, this.renderItem(updated, watermark));
    }
  }

  async row(requestId: string, itemId: string): Promise<RedactionRow> {
    const row = await this.deps.platform.db
      .selectFrom('footage_redactions')
      .selectAll()
      .where('id', '=', itemId)
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (!row) throw notFound('redaction item', itemId);
    return row;
  }

  async rows(requestId: string): Promise<RedactionRow[]> {
    return this.deps.platform.db
      .selectFrom('footage_redactions')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('from_at')
      .execute();
  }

  /** Resolves when no job runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.jobs.size > 0) await Promise.allSettled([...this.jobs]);
  }

  private async detect(
    row: RedactionRow,
    input: { run: Parameters<typeof writeClip>[0]['run']; files: string[] },
  ): Promise<void> {
    const source = this.sourceOf(row.request_id, row.id);
    await writeClip({
      tools: this.deps.tools(),
      run: input.run,
      files: input.files,
      output: source,
    });
    const search = await this.deps.faces();
    const info = await probeVideo(this.deps.tools(), source);
    let last = 0;
    const detected = await detectClip(source, {
      ...this.options(search, info.fps),
      info,
      onProgress: (share) => {
        if (share - last < 0.05) return;
        last = share;
        void this.update(row.id, { progress: Math.min(1, share) });
      },
    });
    await this.update(row.id, {
      status: 'ready',
      progress: 1,
      video: JSON.stringify(detected.info),
      tracks: JSON.stringify(detected.tracks),
    });
    this.deps.platform.logger.info(
      { itemId: row.id, tracks: detected.tracks.length, faces: detected.faces },
      'footage_request.redaction.tracked',
    );
  }

  private async renderItem(row: RedactionRow, watermark: string): Promise<void> {
    const search = await this.deps.faces();
    const detected: DetectedClip = {
      info: row.video as DetectedClip['info'],
      tracks: tracksOf(row),
      framesSearched: 0,
      faces: 0,
    };
    const outcome = await redactAndCheck({
      options: {
        ...this.options(search, detected.info.fps),
        onProgress: (share) => void this.update(row.id, { progress: share }),
      },
      source: this.sourceOf(row.request_id, row.id),
      output: this.outputOf(row.request_id, row.id),
      detected,
      unmasked: new Set(row.unmasked),
      watermark,
    });
    const { missed: _missed, ...counts } = outcome.check;
    const clean = counts.facesOutsideUnmasked === 0;
    await this.update(row.id, {
      status: clean ? 'done' : 'failed',
      progress: 1,
      face_check: JSON.stringify({ ...counts, rounds: outcome.rounds }),
      error: clean ? null : 'Faces outside the unmasked tracks are still visible',
    });
    this.deps.platform.logger.info(
      { itemId: row.id, ...counts, rounds: outcome.rounds },
      'footage_request.redaction.rendered',
    );
  }

  private options(search: FaceSearch, fps: number) {
    return {
      tools: this.deps.tools(),
      findFaces: search.findFaces,
      ...(search.findRegions ? { findRegions: search.findRegions } : {}),
      parallel: search.parallel,
      stride: strideFor(fps),
      detectWidth: DEFAULT_REDACTION.detectWidth,
    };
  }

  /** A job that throws leaves its item failed, with a message safe to show. */
  private track(itemId: string, job: Promise<void>): void {
    const guarded = job.catch(async (error: unknown) => {
      this.deps.platform.logger.error({ err: error, itemId }, 'footage_request.redaction.failed');
      await this.update(itemId, { status: 'failed', error: 'The redaction job failed' }).catch(
        () => undefined,
      );
    });
    this.jobs.add(guarded);
    void guarded.finally(() => this.jobs.delete(guarded));
  }

  private async update(
    id: string,
    values: Partial<{
      status: Status;
      progress: number;
      video: string;
      tracks: string;
      unmasked: number[];
      face_check: string;
      error: string | null;
    }>,
  ): Promise<RedactionRow> {
    return this.deps.platform.db
      .updateTable('footage_redactions')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}

const tracksOf = (row: RedactionRow): FaceTrack[] => (row.tracks as FaceTrack[] | null) ?? [];
