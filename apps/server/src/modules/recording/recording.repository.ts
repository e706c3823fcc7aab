import type { Gap, GapCause, Segment } from '@gardenwatch/contracts';
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { RecordingGapsTable, RecordingSegmentsTable } from '../../platform/db/schema.ts';

export interface NewSegment {
  cameraId: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  codec: string;
  /** Relative to the media folder. */
  path: string;
}

export interface StoredSegment extends Segment {
  path: string;
}

/** The segment index and the gap record. */
export class RecordingRepository {
  constructor(private readonly db: Db) {}

  /** Indexes a segment; null when its path was indexed already. */
  async insertSegment(segment: NewSegment): Promise<StoredSegment | null> {
    const [stored] = await this.insertSegments([segment]);
    return stored ?? null;
  }

  /** Indexes segments in one statement; paths indexed already are skipped. */
  async insertSegments(segments: NewSegment[]): Promise<StoredSegment[]> {
    if (segments.length === 0) return [];
    const rows = await this.db
      .insertInto('recording_segments')
      .values(
        segments.map((segment) => ({
          camera_id: segment.cameraId,
          started_at: segment.startedAt,
          ended_at: segment.endedAt,
          bytes: segment.bytes,
          codec: segment.codec,
          path: segment.path,
        })),
      )
      .onConflict((oc) => oc.column('path').doNothing())
      .returningAll()
      .execute();
    return rows.map(toSegment);
  }

  async lastSegmentEnd(cameraId: string): Promise<Date | null> {
    const row = await this.db
      .selectFrom('recording_segments')
      .select((eb) => eb.fn.max('ended_at').as('last'))
      .where('camera_id', '=', cameraId)
      .executeTakeFirst();
    return row?.last ? new Date(row.last) : null;
  }

  /** Start of the oldest kept segment and end of the newest, null without footage. */
  async footageSpan(
    cameraId: string,
  ): Promise<{ oldestStart: Date | null; newestEnd: Date | null }> {
    const row = await this.db
      .selectFrom('recording_segments')
      .select((eb) => [eb.fn.min('started_at').as('oldest'), eb.fn.max('ended_at').as('newest')])
      .where('camera_id', '=', cameraId)
      .executeTakeFirst();
    return {
      oldestStart: row?.oldest ? new Date(row.oldest) : null,
      newestEnd: row?.newest ? new Date(row.newest) : null,
    };
  }

  async segmentsBetween(cameraId: string, from: Date, to: Date): Promise<StoredSegment[]> {
    const rows = await this.db
      .selectFrom('recording_segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('started_at', '<', to)
      .where('ended_at', '>', from)
      .orderBy('started_at')
      .execute();
    return rows.map(toSegment);
  }

  /** The first start and last end of a camera's indexed footage, or null when there is none. */
  async keptRange(cameraId: string): Promise<{ from: Date; to: Date } | null> {
    const row = await this.db
      .selectFrom('recording_segments')
      .select((eb) => [eb.fn.min('started_at').as('first'), eb.fn.max('ended_at').as('last')])
      .where('camera_id', '=', cameraId)
      .executeTakeFirst();
    if (!row?.first || !row.last) return null;
    return { from: new Date(row.first), to: new Date(row.last) };
  }

  async findSegment(cameraId: string, id: string): Promise<StoredSegment | null> {
    const row = await this.db
      .selectFrom('recording_segments')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSegment(row) : null;
  }

  async indexedPaths(cameraId: string): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom('recording_segments')
      .select(['id', 'path'])
      .where('camera_id', '=', cameraId)
      .execute();
    return new Map(rows.map((r) => [r.path, String(r.id)]));
  }

  async cameraIdsWithSegments(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('recording_segments')
      .select('camera_id')
      .distinct()
      .execute();
    return rows.map((r) => r.camera_id);
  }

  async deleteSegments(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.db
      .deleteFrom('recording_segments')
      .where('id', 'in', ids)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async openGap(
    cameraId: string,
    from: Date,
    cause: GapCause,
    detail: string | null,
  ): Promise<Gap> {
    const row = await this.db
      .insertInto('recording_gaps')
      .values({ camera_id: cameraId, from_at: from, cause, detail })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toGap(row);
  }

  async findOpenGap(cameraId: string): Promise<Gap | null> {
    const row = await this.db
      .selectFrom('recording_gaps')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('to_at', 'is', null)
      .executeTakeFirst();
    return row ? toGap(row) : null;
  }

  /** Closes the open gap no earlier than it began. */
  async closeGap(gapId: string, to: Date): Promise<Gap | null> {
    const row = await this.db
      .updateTable('recording_gaps')
      .set({ to_at: sql<Date>`greatest(from_at, ${to})` })
      .where('id', '=', gapId)
      .where('to_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toGap(row) : null;
  }

  async gapsBetween(cameraId: string, from: Date, to: Date): Promise<Gap[]> {
    const rows = await this.db
      .selectFrom('recording_gaps')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('from_at', '<', to)
      .where((eb) => eb.or([eb('to_at', 'is', null), eb('to_at', '>', from)]))
      .orderBy('from_at')
      .execute();
    return rows.map(toGap);
  }
}

export function toSegment(row: Selectable<RecordingSegmentsTable>): StoredSegment {
  return {
    id: String(row.id),
    cameraId: row.camera_id,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: new Date(row.ended_at).toISOString(),
    bytes: Number(row.bytes),
    codec: row.codec,
    path: row.path,
  };
}

function toGap(row: Selectable<RecordingGapsTable>): Gap {
  return {
    id: String(row.id),
    cameraId: row.camera_id,
    from: new Date(row.from_at).toISOString(),
    to: row.to_at ? new Date(row.to_at).toISOString() : null,
    cause: row.cause,
    detail: row.detail,
  };
}
