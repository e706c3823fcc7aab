import {
  can,
  healthSubjects,
  type Actor,
  type CameraFaultKind,
  type Resource,
  type WorkOrder,
} from '@gardenwatch/contracts';
import type { Selectable } from 'kysely';
import type { Platform } from '../../platform/context.ts';
import type { WorkOrdersTable } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';

/** The standard's repair time for a camera fault. */
export const REPAIR_HOURS = 24;

export interface FaultReport {
  cameraId: string;
  kindergartenId: string;
  districtId: string;
  fault: CameraFaultKind;
  since: Date;
}

type Row = Selectable<WorkOrdersTable> & { camera_name: string };

/**
 * Work orders for the maintainers of a kindergarten: opened by the health monitor when a
 * fault outlasts its allowance, closed by a person with a note. Every change is audited.
 */
export class WorkOrdersService {
  constructor(private readonly deps: { platform: Platform; audit: AuditService }) {}

  /** Opens an order unless one is open for the camera; returns the new order's id or null. */
  async open(report: FaultReport): Promise<string | null> {
    const { db, now, bus, logger } = this.deps.platform;
    const openedAt = now();
    const dueAt = new Date(openedAt.getTime() + REPAIR_HOURS * 3_600_000);
    const id = await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('work_orders')
        .values({
          camera_id: report.cameraId,
          kindergarten_id: report.kindergartenId,
          district_id: report.districtId,
          fault: report.fault,
          fault_since: report.since,
          opened_at: openedAt,
          due_at: dueAt,
        })
        .onConflict((oc) => oc.column('camera_id').where('closed_at', 'is', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      await this.deps.audit.record(
        {
          actor: null,
          action: 'workorder.open',
          resourceType: 'work_order',
          resourceId: row.id,
          outcome: 'succeeded',
          details: { cameraId: report.cameraId, fault: report.fault },
        },
        tx,
      );
      return row.id;
    });
    if (!id) return null;

    logger.info(
      { workOrderId: id, cameraId: report.cameraId, fault: report.fault },
      'workorder.opened',
    );
    await bus.publish(healthSubjects.workOrderOpened, {
      workOrderId: id,
      cameraId: report.cameraId,
      kindergartenId: report.kindergartenId,
      fault: report.fault,
      dueAt: dueAt.toISOString(),
    });
    return id;
  }

  /** Orders of the kindergartens the actor may manage orders of, newest first. */
  async list(ctx: CameraContext, status: 'open' | 'closed' | 'all'): Promise<WorkOrder[]> {
    let query = this.query();
    if (status === 'open') query = query.where('w.closed_at', 'is', null);
    if (status === 'closed') query = query.where('w.closed_at', 'is not', null);
    const rows = await scoped(query, ctx.actor).orderBy('w.opened_at', 'desc').limit(500).execute();
    return this.visible(ctx.actor, rows, 'workorder.manage');
  }

  /** Open orders past their due time, for district reviewers and city administrators. */
  async overdue(ctx: CameraContext): Promise<WorkOrder[]> {
    if (ctx.actor.role !== 'district_reviewer' && ctx.actor.role !== 'city_admin')
      throw forbidden();
    const query = this.query()
      .where('w.closed_at', 'is', null)
      .where('w.due_at', '<', this.deps.platform.now());
    const rows = await scoped(query, ctx.actor).orderBy('w.due_at').limit(500).execute();
    return this.visible(ctx.actor, rows, 'health.read');
  }

  async close(ctx: CameraContext, id: string, note: string): Promise<WorkOrder> {
    const { db, now } = this.deps.platform;
    const row = await this.query().where('w.id', '=', id).executeTakeFirst();
    if (!row || !can(ctx.actor, 'health.read', resourceOf(row))) throw notFound('work order', id);
    if (!can(ctx.actor, 'workorder.manage', resourceOf(row))) {
      await this.audit(ctx, 'workorder.close', id, 'denied', {});
      throw forbidden();
    }
    if (row.closed_at) return this.toWorkOrder(row);

    const closedAt = now();
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('work_orders')
        .set({ closed_at: closedAt, closed_by: ctx.actor.id, note })
        .where('id', '=', id)
        .where('closed_at', 'is', null)
        .execute();
      await this.audit(ctx, 'workorder.close', id, 'succeeded', { cameraId: row.camera_id }, tx);
    });
    return this.toWorkOrder({ ...row, closed_at: closedAt, note });
  }

  private query() {
    return this.deps.platform.db
      .selectFrom('work_orders as w')
      .innerJoin('cameras as c', 'c.id', 'w.camera_id')
      .selectAll('w')
      .select('c.name as camera_name');
  }

  private visible(actor: Actor, rows: Row[], action: 'workorder.manage' | 'health.read') {
    return rows.filter((r) => can(actor, action, resourceOf(r))).map((r) => this.toWorkOrder(r));
  }

  private toWorkOrder(row: Row): WorkOrder {
    const dueAt = new Date(row.due_at);
    return {
      id: row.id,
      cameraId: row.camera_id,
      cameraName: row.camera_name,
      kindergartenId: row.kindergarten_id,
      districtId: row.district_id,
      fault: row.fault,
      faultSince: new Date(row.fault_since).toISOString(),
      openedAt: new Date(row.opened_at).toISOString(),
      dueAt: dueAt.toISOString(),
      closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
      note: row.note,
      overdue: !row.closed_at && dueAt < this.deps.platform.now(),
    };
  }

  private audit(
    ctx: CameraContext,
    action: string,
    id: string,
    outcome: 'succeeded' | 'denied',
    details: Record<string, unknown>,
    tx?: Parameters<AuditService['record']>[1],
  ) {
    const { actor } = ctx;
    return this.deps.audit.record(
      {
        actor: { id: actor.id, username: actor.username, role: actor.role },
        action,
        resourceType: 'work_order',
        resourceId: id,
        outcome,
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details,
      },
      tx,
    );
  }
}

type Query = ReturnType<WorkOrdersService['query']>;

/** Narrows the rows in SQL to the actor's scope; `can()` still decides each row. */
function scoped(query: Query, actor: Actor): Query {
  if (actor.role === 'city_admin') return query;
  if (actor.role === 'district_reviewer')
    return query.where('w.district_id', '=', actor.districtId ?? '');
  if (actor.role === 'maintainer') {
    const ids = actor.maintainedKindergartenIds;
    return ids.length === 0
      ? query.where('w.id', 'is', null)
      : query.where('w.kindergarten_id', 'in', ids);
  }
  return query.where('w.kindergarten_id', '=', actor.kindergartenId ?? '');
}

const resourceOf = (row: { district_id: string; kindergarten_id: string }): Resource => ({
  kind: 'kindergarten',
  districtId: row.district_id,
  kindergartenId: row.kindergarten_id,
});
