import type { Insertable, Selectable, Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  Database,
  FootageRequestAttachmentsTable,
  FootageRequestsTable,
} from '../../platform/db/schema.ts';

export type RequestRow = Selectable<FootageRequestsTable>;
export type AttachmentRow = Selectable<FootageRequestAttachmentsTable>;
type Tx = Transaction<Database> | Db;

export interface RequestDetails {
  events: { status: string; at: Date }[];
  attachments: AttachmentRow[];
  holdIds: string[];
}

export interface QueueFilter {
  routedTo: 'district' | 'police';
  /** A district reviewer's or district police's district; null for city-wide police. */
  districtId: string | null;
}

/** Footage requests, their history, holds and attachments, and the classes parents belong to. */
export class RequestsRepository {
  constructor(private readonly db: Db) {}

  async insert(tx: Tx, values: Insertable<FootageRequestsTable>): Promise<RequestRow> {
    return tx
      .insertInto('footage_requests')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async addEvent(
    tx: Tx,
    event: { requestId: string; status: string; at: Date; actorId: string | null },
  ): Promise<void> {
    await tx
      .insertInto('footage_request_events')
      .values({
        request_id: event.requestId,
        status: event.status,
        at: event.at,
        actor_id: event.actorId,
      })
      .execute();
  }

  async linkHolds(tx: Tx, requestId: string, holdIds: string[]): Promise<void> {
    if (holdIds.length === 0) return;
    await tx
      .insertInto('footage_request_holds')
      .values(holdIds.map((hold_id) => ({ request_id: requestId, hold_id })))
      .execute();
  }

  async find(id: string, tx: Tx = this.db): Promise<RequestRow | undefined> {
    return tx.selectFrom('footage_requests').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async byApplicant(applicantId: string): Promise<RequestRow[]> {
    return this.db
      .selectFrom('footage_requests')
      .selectAll()
      .where('applicant_id', '=', applicantId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Requests waiting for a decision, earliest deadline first. */
  async queue(filter: QueueFilter): Promise<RequestRow[]> {
    let q = this.db
      .selectFrom('footage_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where('routed_to', '=', filter.routedTo);
    if (filter.districtId !== null) q = q.where('district_id', '=', filter.districtId);
    return q.orderBy('due_at').execute();
  }

  /** Open requests of the applicant whose window and cameras meet the ones given. */
  async overlapping(input: {
    applicantId: string;
    cameraIds: string[];
    from: Date;
    to: Date;
  }): Promise<RequestRow[]> {
    const rows = await this.db
      .selectFrom('footage_requests')
      .selectAll()
      .where('applicant_id', '=', input.applicantId)
      .where('status', '=', 'pending')
      .where('from_at', '<', input.to)
      .where('to_at', '>', input.from)
      .execute();
    return rows.filter((r) => r.camera_ids.some((id) => input.cameraIds.includes(id)));
  }

  async details(requestId: string): Promise<RequestDetails> {
    const [events, attachments, holds] = await Promise.all([
      this.db
        .selectFrom('footage_request_events')
        .select(['status', 'at'])
        .where('request_id', '=', requestId)
        .orderBy('id')
        .execute(),
      this.attachments(requestId),
      this.holdIds(requestId),
    ]);
    return { events, attachments, holdIds: holds };
  }

  async holdIds(requestId: string, tx: Tx = this.db): Promise<string[]> {
    const rows = await tx
      .selectFrom('footage_request_holds')
      .select('hold_id')
      .where('request_id', '=', requestId)
      .execute();
    return rows.map((r) => r.hold_id);
  }

  /** Holds linked to more than one request: shared footage. */
  async sharedHoldCount(requestId: string): Promise<number> {
    const holdIds = await this.holdIds(requestId);
    if (holdIds.length === 0) return 0;
    const rows = await this.db
      .selectFrom('footage_request_holds')
      .select('hold_id')
      .where('hold_id', 'in', holdIds)
      .where('request_id', '!=', requestId)
      .execute();
    return new Set(rows.map((r) => r.hold_id)).size;
  }

  async attachments(requestId: string): Promise<AttachmentRow[]> {
    return this.db
      .selectFrom('footage_request_attachments')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .execute();
  }

  async insertAttachment(
    values: Insertable<FootageRequestAttachmentsTable>,
  ): Promise<AttachmentRow> {
    return this.db
      .insertInto('footage_request_attachments')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** The rooms of the classes a parent is linked to. */
  async classAreaIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('parent_classes as p')
      .innerJoin('class_areas as a', 'a.class_id', 'p.class_id')
      .select('a.area_id')
      .where('p.user_id', '=', userId)
      .execute();
    return [...new Set(rows.map((r) => r.area_id))];
  }

  /** A read-only look at a kindergarten's filmed areas and their cameras, for the form. */
  async areasWithCameras(
    kindergartenId: string,
  ): Promise<{ id: string; name: string; kind: string; cameraIds: string[] }[]> {
    const rows = await this.db
      .selectFrom('areas as a')
      .innerJoin('floors as f', 'f.id', 'a.floor_id')
      .innerJoin('buildings as b', 'b.id', 'f.building_id')
      .innerJoin('cameras as c', 'c.area_id', 'a.id')
      .select(['a.id', 'a.name', 'a.kind', 'c.id as cameraId'])
      .where('b.kindergarten_id', '=', kindergartenId)
      .where('a.never_filmed', '=', false)
      .where('a.archived_at', 'is', null)
      .where('c.archived_at', 'is', null)
      .orderBy('a.name')
      .execute();
    const byArea = new Map<
      string,
      { id: string; name: string; kind: string; cameraIds: string[] }
    >();
    for (const r of rows) {
      const area = byArea.get(r.id) ?? { id: r.id, name: r.name, kind: r.kind, cameraIds: [] };
      area.cameraIds.push(r.cameraId);
      byArea.set(r.id, area);
    }
    return [...byArea.values()];
  }

  /** Pending requests due before `before` that have had no reminder yet. */
  async dueWithoutReminder(before: Date): Promise<RequestRow[]> {
    return this.db
      .selectFrom('footage_requests')
      .selectAll()
      .where('status', '=', 'pending')
      .where('reminded_at', 'is', null)
      .where('due_at', '<=', before)
      .execute();
  }

  async markReminded(id: string, at: Date): Promise<void> {
    await this.db
      .updateTable('footage_requests')
      .set({ reminded_at: at })
      .where('id', '=', id)
      .execute();
  }
}
