import {
  blacklistSubjects,
  can,
  hiringHitEventSchema,
  screeningHitEventSchema,
  type Action,
} from '@gardenwatch/contracts';
import type { Platform } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { NoticesTable } from '../../platform/db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { StaffContext } from '../staff/staff-access.ts';

export type NoticeKind = NoticesTable['kind'];

export interface Notice {
  id: string;
  kind: NoticeKind;
  kindergartenId: string;
  districtId: string;
  staffId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
}

interface NewNotice {
  kind: NoticeKind;
  eventId: string;
  kindergartenId: string;
  districtId: string;
  staffId: string | null;
  at: string;
}

const actionOf: Record<NoticeKind, Action> = {
  hiring_hit: 'notice.hiring_hit',
  screening_hit: 'notice.screening_hit',
  footage_request: 'footage_request.notice',
  footage_request_due: 'footage_request.review',
};

export interface NoticesDeps {
  platform: Platform;
  audit: AuditService;
}

/**
 * Turns the blacklist hits published on the bus into notices for the district reviewers, the
 * principal (re-screening hits only) and city administrators. A notice holds ids only.
 */
export class NoticesService {
  private unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: NoticesDeps) {}

  start(): void {
    const { bus } = this.deps.platform;
    this.unsubscribe.push(
      bus.subscribe(blacklistSubjects.hiringHit, async (message) => {
        const e = hiringHitEventSchema.parse(message.payload);
        await this.write({ kind: 'hiring_hit', eventId: e.checkId, staffId: null, ...e });
      }),
      bus.subscribe(blacklistSubjects.screeningHit, async (message) => {
        const e = screeningHitEventSchema.parse(message.payload);
        await this.write({ kind: 'screening_hit', eventId: e.flagId, ...e });
      }),
    );
  }

  stop(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Idempotent: a redelivered event finds its notice already written. */
  async write(n: NewNotice): Promise<void> {
    await this.deps.platform.db
      .insertInto('notices')
      .values({
        kind: n.kind,
        event_id: n.eventId,
        kindergarten_id: n.kindergartenId,
        district_id: n.districtId,
        staff_id: n.staffId,
        created_at: n.at,
      })
      .onConflict((oc) => oc.columns(['kind', 'event_id']).doNothing())
      .execute();
    this.deps.platform.logger.info(
      { kind: n.kind, kindergartenId: n.kindergartenId },
      'notice.written',
    );
  }

  /** The notices the actor may see, newest first. */
  async list(ctx: StaffContext, limit = 100): Promise<Notice[]> {
    const { actor } = ctx;
    let q = this.deps.platform.db.selectFrom('notices').selectAll();
    if (actor.role === 'district_reviewer') q = q.where('district_id', '=', actor.districtId ?? '');
    else if (actor.role === 'principal')
      q = q.where('kindergarten_id', '=', actor.kindergartenId ?? '');
    else if (actor.role !== 'city_admin') return [];
    const rows = await q.orderBy('created_at', 'desc').limit(limit).execute();
    return rows
      .filter((r) => can(actor, actionOf[r.kind], resourceOf(r)))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        kindergartenId: r.kindergarten_id,
        districtId: r.district_id,
        staffId: r.staff_id,
        createdAt: r.created_at.toISOString(),
        acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
      }));
  }

  /** Marks a notice acknowledged by the actor; audited. Unknown and unseen notices are alike. */
  async acknowledge(ctx: StaffContext, id: string): Promise<void> {
    const { db, now } = this.deps.platform;
    await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('notices')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row || !can(ctx.actor, actionOf[row.kind], resourceOf(row)))
        throw notFound('notice', id);
      if (!row.acknowledged_at) {
        await tx
          .updateTable('notices')
          .set({ acknowledged_by: ctx.actor.id, acknowledged_at: now() })
          .where('id', '=', id)
          .execute();
      }
      await this.deps.audit.record(
        {
          actor: ctx.actor,
          action: 'notice.acknowledge',
          resourceType: 'notice',
          resourceId: id,
          outcome: 'succeeded',
          requestId: ctx.requestId,
          ip: ctx.ip,
          details: { kind: row.kind, kindergartenId: row.kindergarten_id },
        },
        tx,
      );
    });
  }
}

const resourceOf = (r: { district_id: string; kindergarten_id: string }) => ({
  kind: 'kindergarten' as const,
  districtId: r.district_id,
  kindergartenId: r.kindergarten_id,
});
