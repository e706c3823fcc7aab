import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export interface CameraRate {
  cameraId: string;
  bytes: number;
  seconds: number;
}

export interface LatestSegment {
  cameraId: string;
  path: string;
  endedAt: Date;
  durationMs: number;
}

export interface CameraFootage {
  cameraId: string;
  bytes: number;
  oldestAt: Date | null;
}

/** Aggregates over the segment index for the health and storage pages. */
export class RecordingStats {
  constructor(private readonly db: Db) {}

  /** Bytes and seconds of footage per camera that ended after `since`. */
  async rates(cameraIds: string[], since: Date): Promise<CameraRate[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('recording_segments')
      .select((eb) => [
        'camera_id',
        eb.fn.sum<string>('bytes').as('bytes'),
        sql<string>`sum(extract(epoch from ended_at - started_at))`.as('seconds'),
      ])
      .where('camera_id', 'in', cameraIds)
      .where('ended_at', '>', since)
      .groupBy('camera_id')
      .execute();
    return rows.map((r) => ({
      cameraId: r.camera_id,
      bytes: Number(r.bytes),
      seconds: Number(r.seconds),
    }));
  }

  /** The newest segment of each camera. */
  async latest(cameraIds: string[]): Promise<LatestSegment[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('recording_segments')
      .distinctOn('camera_id')
      .select(['camera_id', 'path', 'started_at', 'ended_at'])
      .where('camera_id', 'in', cameraIds)
      .orderBy('camera_id')
      .orderBy('ended_at', 'desc')
      .execute();
    return rows.map((r) => ({
      cameraId: r.camera_id,
      path: r.path,
      endedAt: new Date(r.ended_at),
      durationMs: new Date(r.ended_at).getTime() - new Date(r.started_at).getTime(),
    }));
  }

  /**
   * Seconds recorded per camera in each slot of `slotSeconds` from `since` (a segment counts
   * in the slot it starts in).
   */
  async coverage(
    cameraIds: string[],
    since: Date,
    slotSeconds: number,
  ): Promise<{ cameraId: string; slot: number; seconds: number }[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('recording_segments')
      .select([
        'camera_id',
        sql<string>`floor(extract(epoch from started_at - ${since}::timestamptz) / ${slotSeconds})`.as(
          'slot',
        ),
        sql<string>`sum(extract(epoch from ended_at - started_at))`.as('seconds'),
      ])
      .where('camera_id', 'in', cameraIds)
      .where('started_at', '>=', since)
      .groupBy(['camera_id', 'slot'])
      .execute();
    return rows.map((r) => ({
      cameraId: r.camera_id,
      slot: Number(r.slot),
      seconds: Number(r.seconds),
    }));
  }

  /** Bytes of indexed footage and the oldest kept start per camera. */
  async footage(cameraIds: string[]): Promise<CameraFootage[]> {
    if (cameraIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('recording_segments')
      .select((eb) => [
        'camera_id',
        eb.fn.sum<string>('bytes').as('bytes'),
        eb.fn.min('started_at').as('oldest'),
      ])
      .where('camera_id', 'in', cameraIds)
      .groupBy('camera_id')
      .execute();
    return rows.map((r) => ({
      cameraId: r.camera_id,
      bytes: Number(r.bytes),
      oldestAt: r.oldest ? new Date(r.oldest) : null,
    }));
  }

  /** Bytes that every camera together wrote in segments ending after `since`. */
  async bytesSince(since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('recording_segments')
      .select((eb) => eb.fn.sum<string>('bytes').as('bytes'))
      .where('ended_at', '>', since)
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }

  /** Bytes of all indexed footage. */
  async totalBytes(): Promise<number> {
    const row = await this.db
      .selectFrom('recording_segments')
      .select((eb) => eb.fn.sum<string>('bytes').as('bytes'))
      .executeTakeFirst();
    return Number(row?.bytes ?? 0);
  }
}
