import type { Db } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';

export interface Hold {
  id: string;
  cameraId: string;
  from: Date;
  to: Date;
  reason: string;
  /** Who holds it, e.g. `footage_request:<id>` or `alert:<id>`. */
  owner: string;
  createdAt: Date;
  releasedAt: Date | null;
}

export interface HoldRequest {
  cameraId: string;
  from: Date;
  to: Date;
  reason: string;
  owner: string;
}

/**
 * Holds keep footage from retention until released. Footage requests, alerts and cases
 * create them; a segment is held when its time overlaps any unreleased hold of its camera.
 */
export class HoldService {
  constructor(private readonly deps: { db: Db; logger: Logger; now: () => Date }) {}

  async create(request: HoldRequest): Promise<Hold> {
    if (!(request.from < request.to)) throw badRequest('A hold must end after it begins');
    if (!request.reason.trim() || !request.owner.trim()) {
      throw badRequest('A hold needs a reason and an owner');
    }
    const row = await this.deps.db
      .insertInto('recording_holds')
      .values({
        camera_id: request.cameraId,
        from_at: request.from,
        to_at: request.to,
        reason: request.reason,
        owner: request.owner,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    this.deps.logger.info({ holdId: row.id, cameraId: row.camera_id }, 'recording.hold.created');
    return toHold(row);
  }

  /** Releases a hold; releasing twice keeps the first release time. */
  async release(id: string): Promise<Hold> {
    const row = await this.deps.db
      .updateTable('recording_holds')
      .set((eb) => ({ released_at: eb.fn.coalesce('released_at', eb.val(this.deps.now())) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('hold', id);
    this.deps.logger.info({ holdId: id, cameraId: row.camera_id }, 'recording.hold.released');
    return toHold(row);
  }

  /** Releases a hold still in force; false when it was released already. */
  async releaseIfHeld(id: string): Promise<boolean> {
    const row = await this.deps.db
      .updateTable('recording_holds')
      .set({ released_at: this.deps.now() })
      .where('id', '=', id)
      .where('released_at', 'is', null)
      .returning(['id', 'camera_id'])
      .executeTakeFirst();
    if (row)
      this.deps.logger.info({ holdId: id, cameraId: row.camera_id }, 'recording.hold.released');
    return row !== undefined;
  }

  async active(cameraId: string): Promise<Hold[]> {
    const rows = await this.deps.db
      .selectFrom('recording_holds')
      .selectAll()
      .where('camera_id', '=', cameraId)
      .where('released_at', 'is', null)
      .orderBy('from_at')
      .execute();
    return rows.map(toHold);
  }
}

function toHold(row: {
  id: string;
  camera_id: string;
  from_at: Date;
  to_at: Date;
  reason: string;
  owner: string;
  created_at: Date;
  released_at: Date | null;
}): Hold {
  return {
    id: row.id,
    cameraId: row.camera_id,
    from: new Date(row.from_at),
    to: new Date(row.to_at),
    reason: row.reason,
    owner: row.owner,
    createdAt: new Date(row.created_at),
    releasedAt: row.released_at ? new Date(row.released_at) : null,
  };
}
