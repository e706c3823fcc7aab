import type { Gap, Segment } from '@gardenwatch/contracts';
import { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import {
  cameraChangedSubject,
  type CameraContext,
  type CamerasService,
} from '../cameras/cameras.service.ts';
import { CameraRecorder, defaultTimings, type RecorderTimings } from './camera-recorder.ts';
import { GapBook } from './gap-book.ts';
import { HoldService } from './hold.service.ts';
import { reconcile, type ReconcileResult } from './reconcile.ts';
import { RecordingRepository } from './recording.repository.ts';
import { RecordingStats } from './recording-stats.ts';
import { RetentionService, type FreeSpace } from './retention.service.ts';
import { mediaDirOf } from './segment-paths.ts';
import { SegmentStore } from './segment-store.ts';

export interface RecordingServiceDeps {
  platform: Platform;
  cameras: CamerasService;
  tools: () => FfmpegTools;
  timings?: Partial<RecorderTimings>;
  freeSpace?: FreeSpace;
  retentionIntervalMs?: number;
}

const cameraChanged = z.object({
  cameraId: z.uuid(),
  change: z.enum(['added', 'updated', 'archived']),
});

/** The recorders of every active camera, the segment index, gaps, holds and retention. */
export class RecordingService {
  readonly repo: RecordingRepository;
  readonly store: SegmentStore;
  readonly gaps: GapBook;
  readonly holds: HoldService;
  readonly retention: RetentionService;
  readonly stats: RecordingStats;
  private readonly recorders = new Map<string, CameraRecorder>();
  private readonly timings: RecorderTimings;
  private unsubscribe: (() => void) | undefined;
  private changes: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RecordingServiceDeps) {
    const { db, bus, logger, now, config } = deps.platform;
    const mediaDir = mediaDirOf(config.dataDir);
    this.timings = { ...defaultTimings, ...deps.timings };
    this.repo = new RecordingRepository(db);
    this.stats = new RecordingStats(db);
    this.store = new SegmentStore({ mediaDir, repo: this.repo, bus, logger, tools: deps.tools });
    this.gaps = new GapBook({ repo: this.repo, bus, logger, now });
    this.holds = new HoldService({ db, logger, now });
    this.retention = new RetentionService({
      db,
      mediaDir,
      logger,
      bus,
      now,
      ...(deps.freeSpace ? { freeSpace: deps.freeSpace } : {}),
    });
  }

  /** Reconciles the index with the disk, then records every active camera. */
  async start(): Promise<ReconcileResult> {
    const { db, logger, bus } = this.deps.platform;
    const result = await reconcile({
      db,
      repo: this.repo,
      store: this.store,
      tools: this.deps.tools,
      logger,
    });
    for (const source of await this.deps.cameras.recordingSources()) {
      await this.startCamera(source.cameraId);
    }
    this.unsubscribe = bus.subscribe(cameraChangedSubject, (message) => {
      const change = cameraChanged.parse(message.payload);
      this.changes = this.changes
        .then(() => this.follow(change.cameraId))
        .catch((error: unknown) => {
          logger.error({ cameraId: change.cameraId, err: error }, 'recording.follow.failed');
        });
      return this.changes.then(() => undefined);
    });
    this.retention.startJob(this.deps.retentionIntervalMs ?? 10 * 60_000);
    return result;
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.retention.stopJob();
    await this.changes;
    await Promise.all([...this.recorders.keys()].map((id) => this.stopCamera(id)));
    await this.store.flush();
  }

  recorder(cameraId: string): CameraRecorder | undefined {
    return this.recorders.get(cameraId);
  }

  async startCamera(cameraId: string): Promise<void> {
    const source = await this.deps.cameras.recordingSource(cameraId);
    if (!source || this.recorders.has(cameraId)) return;
    const { platform, cameras } = this.deps;
    const recorder = new CameraRecorder({
      source,
      tools: this.deps.tools(),
      store: this.store,
      gaps: this.gaps,
      logger: platform.logger,
      timings: this.timings,
      now: () => platform.now().getTime(),
      onHealth: (id, health, message) => {
        cameras.setStatus(id, health, message).catch((error: unknown) => {
          platform.logger.error({ cameraId: id, err: error }, 'recording.status.failed');
        });
      },
      onDiskFull: () => {
        this.retention.run().catch((error: unknown) => {
          platform.logger.error({ err: error }, 'retention.failed');
        });
      },
    });
    this.recorders.set(cameraId, recorder);
    await recorder.start();
  }

  async stopCamera(cameraId: string): Promise<void> {
    const recorder = this.recorders.get(cameraId);
    if (!recorder) return;
    this.recorders.delete(cameraId);
    await recorder.stop();
  }

  async segments(ctx: CameraContext, cameraId: string, from: Date, to: Date): Promise<Segment[]> {
    await this.deps.cameras.get(ctx, cameraId);
    const rows = await this.repo.segmentsBetween(cameraId, from, to);
    return rows.map(({ path: _path, ...segment }) => segment);
  }

  async gapsOf(ctx: CameraContext, cameraId: string, from: Date, to: Date): Promise<Gap[]> {
    await this.deps.cameras.get(ctx, cameraId);
    return this.repo.gapsBetween(cameraId, from, to);
  }

  /** How far back the camera's kept footage reaches and when its last segment closed. */
  footageSpan(cameraId: string): Promise<{ oldestStart: Date | null; newestEnd: Date | null }> {
    return this.repo.footageSpan(cameraId);
  }

  /** A change of URL, credentials or state restarts the camera's recorder. */
  private async follow(cameraId: string): Promise<void> {
    await this.stopCamera(cameraId);
    await this.startCamera(cameraId);
  }
}
