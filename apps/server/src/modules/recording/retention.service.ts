import { recordingSubjects } from '@gardenwatch/contracts';
import { statfs, unlink } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { Bus } from '../../platform/bus.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';

/** The national minimum: footage younger than this goes only when the disk would fill. */
export const MINIMUM_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
}

export type FreeSpace = (dir: string) => Promise<DiskSpace>;

export const statfsFreeSpace: FreeSpace = async (dir) => {
  const s = await statfs(dir);
  return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize };
};

export interface RetentionItem {
  segmentId: string;
  cameraId: string;
  path: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  /** `age`: older than the camera's retention days; `space`: the disk is under its floor. */
  reason: 'age' | 'space';
}

export interface RetentionPlan {
  items: RetentionItem[];
  freeBytes: number;
  floorBytes: number;
  /** Free space after the plan is carried out, as far as the index knows. */
  freeBytesAfter: number;
  /** Per camera, when its oldest footage that stays will fall due for age (unless held). */
  nextDue: { cameraId: string; oldestStart: Date; dueAt: Date }[];
}

export interface RetentionDeps {
  db: Db;
  mediaDir: string;
  logger: Logger;
  bus: Bus;
  now: () => Date;
  /** Injected in tests to stand for a full disk. */
  freeSpace?: FreeSpace;
  /** Part of the disk kept free; 10 % unless said. */
  floorRatio?: number;
}

interface SegmentRow {
  id: string;
  camera_id: string;
  path: string;
  started_at: Date;
  ended_at: Date;
  bytes: string | number;
}

const BATCH = 500;

/**
 * Deletes footage that is past its camera's retention days, and when free space falls under
 * the floor, the oldest footage of any camera until it is above again. Held footage is never
 * touched. `plan` is the dry run: it lists exactly what `run` would delete.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RetentionDeps) {}

  async plan(): Promise<RetentionPlan> {
    const space = await (this.deps.freeSpace ?? statfsFreeSpace)(this.deps.mediaDir);
    const floorBytes = Math.round(space.totalBytes * (this.deps.floorRatio ?? 0.1));
    const items = (await this.expired()).map((row) => toItem(row, 'age'));
    let freeAfter = space.freeBytes + items.reduce((sum, item) => sum + item.bytes, 0);
    if (freeAfter >= floorBytes) {
      return this.withNextDue(items, space.freeBytes, floorBytes, freeAfter);
    }

    const taken = new Set(items.map((item) => item.segmentId));
    for (let offset = 0; freeAfter < floorBytes; offset += BATCH) {
      const batch = await this.oldestUnheld(offset);
      for (const row of batch) {
        if (freeAfter >= floorBytes) break;
        if (taken.has(String(row.id))) continue;
        items.push(toItem(row, 'space'));
        freeAfter += Number(row.bytes);
      }
      if (batch.length < BATCH) break;
    }
    return this.withNextDue(items, space.freeBytes, floorBytes, freeAfter);
  }

  private async withNextDue(
    items: RetentionItem[],
    freeBytes: number,
    floorBytes: number,
    freeBytesAfter: number,
  ): Promise<RetentionPlan> {
    // Per camera the plan takes a prefix of its unheld footage in time order, so the oldest
    // footage kept is the first unheld segment after the last one planned.
    const lastPlanned = new Map<string, Date>();
    for (const item of items) {
      const seen = lastPlanned.get(item.cameraId);
      if (!seen || seen < item.startedAt) lastPlanned.set(item.cameraId, item.startedAt);
    }
    const rows = await this.unheld()
      .select('c.retention_days')
      .distinctOn('s.camera_id')
      .orderBy('s.camera_id')
      .orderBy('s.started_at')
      .execute();
    const nextDue = [];
    for (const row of rows) {
      const after = lastPlanned.get(row.camera_id);
      const kept = after ? await this.firstUnheldAfter(row.camera_id, after) : row;
      if (!kept) continue;
      const oldestStart = new Date(kept.started_at);
      const days = Math.max(row.retention_days, MINIMUM_RETENTION_DAYS);
      nextDue.push({
        cameraId: row.camera_id,
        oldestStart,
        dueAt: new Date(new Date(kept.ended_at).getTime() + days * DAY_MS),
      });
    }
    return { items, freeBytes, floorBytes, freeBytesAfter, nextDue };
  }

  private async firstUnheldAfter(cameraId: string, after: Date): Promise<SegmentRow | undefined> {
    return this.unheld()
      .where('s.camera_id', '=', cameraId)
      .where('s.started_at', '>', after)
      .orderBy('s.started_at')
      .limit(1)
      .executeTakeFirst();
  }

  /** Carries out the plan: files first, then their index rows. */
  async run(): Promise<RetentionPlan> {
    const next = this.running.then(() => this.runOnce());
    this.running = next.catch(() => undefined);
    return next;
  }

  /** Runs every `intervalMs` until stopped. */
  startJob(intervalMs: number): void {
    this.stopJob();
    this.timer = setInterval(() => {
      this.run().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'retention.failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stopJob(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async runOnce(): Promise<RetentionPlan> {
    const plan = await this.plan();
    for (const item of plan.items) {
      await unlink(path.join(this.deps.mediaDir, item.path)).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        },
      );
    }
    const ids = plan.items.map((item) => item.segmentId);
    for (let i = 0; i < ids.length; i += BATCH) {
      await this.deps.db
        .deleteFrom('recording_segments')
        .where('id', 'in', ids.slice(i, i + BATCH))
        .execute();
    }

    const bySpace = plan.items.filter((item) => item.reason === 'space');
    this.deps.logger.info(
      {
        deleted: plan.items.length,
        forAge: plan.items.length - bySpace.length,
        forSpace: bySpace.length,
      },
      'retention.done',
    );
    if (bySpace.length > 0 || plan.freeBytesAfter < plan.floorBytes)
      await this.alertLowSpace(plan, bySpace);
    return plan;
  }

  private async alertLowSpace(plan: RetentionPlan, bySpace: RetentionItem[]): Promise<void> {
    const minimumStart = this.deps.now().getTime() - MINIMUM_RETENTION_DAYS * DAY_MS;
    const event = {
      freeBytes: plan.freeBytes,
      floorBytes: plan.floorBytes,
      deletedSegments: bySpace.length,
      deletedBelowMinimum: bySpace.some((item) => item.startedAt.getTime() > minimumStart),
    };
    this.deps.logger.warn(event, 'retention.storage.low');
    await this.deps.bus.publish(recordingSubjects.storageLow, event);
  }

  private unheld() {
    return this.deps.db
      .selectFrom('recording_segments as s')
      .innerJoin('cameras as c', 'c.id', 's.camera_id')
      .select(['s.id', 's.camera_id', 's.path', 's.started_at', 's.ended_at', 's.bytes'])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('recording_holds as h')
              .select('h.id')
              .whereRef('h.camera_id', '=', 's.camera_id')
              .where('h.released_at', 'is', null)
              .whereRef('h.from_at', '<', 's.ended_at')
              .whereRef('h.to_at', '>', 's.started_at'),
          ),
        ),
      );
  }

  private async expired(): Promise<SegmentRow[]> {
    const now = this.deps.now();
    // The column's check keeps retention_days at 30 or more; greatest() guards older rows.
    return this.unheld()
      .where(
        sql<boolean>`s.ended_at < ${now}::timestamptz - make_interval(days => greatest(c.retention_days, ${MINIMUM_RETENTION_DAYS}))`,
      )
      .orderBy('s.started_at')
      .orderBy('s.id')
      .execute();
  }

  private async oldestUnheld(offset: number): Promise<SegmentRow[]> {
    return this.unheld()
      .orderBy('s.started_at')
      .orderBy('s.id')
      .limit(BATCH)
      .offset(offset)
      .execute();
  }
}

function toItem(row: SegmentRow, reason: RetentionItem['reason']): RetentionItem {
  return {
    segmentId: String(row.id),
    cameraId: row.camera_id,
    path: row.path,
    startedAt: new Date(row.started_at),
    endedAt: new Date(row.ended_at),
    bytes: Number(row.bytes),
    reason,
  };
}
