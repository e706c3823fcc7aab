import {
  can,
  type Actor,
  type PoliceCase,
  type PoliceCaseCreate,
  type Resource,
} from '@gardenwatch/contracts';
import type { Platform } from '../../platform/context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { CamerasRepository } from '../cameras/cameras.repository.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';

/** A police officer's open case that lets them see a camera's area. */
export interface CaseGrant {
  caseId: string;
  caseNumber: string;
  /** The area is not key: seen only because a district reviewer approved it. */
  approvedArea: boolean;
}

type CaseRow = Awaited<ReturnType<PoliceCasesService['findRow']>>;

/**
 * Police cases: an officer registers one for a kindergarten and a time range; key areas open
 * at once, other areas when the district reviewer approves them. The video gate asks `grant`
 * whether an officer's open case covers a camera, and audits the sight against that case.
 */
export class PoliceCasesService {
  private readonly cameras: CamerasRepository;

  constructor(private readonly deps: { platform: Platform; audit: AuditService }) {
    this.cameras = new CamerasRepository(deps.platform.db);
  }

  async create(ctx: CameraContext, body: PoliceCaseCreate): Promise<PoliceCase> {
    const placements = await Promise.all(body.areaIds.map((id) => this.cameras.placementOf(id)));
    const bad = body.areaIds.filter((_, i) => {
      const p = placements[i];
      return !p || p.archived || p.neverFilmed || p.kindergartenId !== body.kindergartenId;
    });
    if (bad.length > 0) {
      throw badRequest('Areas must be filmed areas of the kindergarten named', {
        field: 'areaIds',
        areaIds: bad,
      });
    }
    const districtId = placements[0]!.districtId;
    const resource: Resource = {
      kind: 'kindergarten',
      districtId,
      kindergartenId: body.kindergartenId,
    };
    if (!can(ctx.actor, 'police_case.register', resource))
      throw forbidden('Only the police register cases here');

    const { db } = this.deps.platform;
    const id = await db.transaction().execute(async (tx) => {
      const duplicate = await tx
        .selectFrom('police_cases')
        .select('id')
        .where('officer_id', '=', ctx.actor.id)
        .where('case_number', '=', body.caseNumber)
        .executeTakeFirst();
      if (duplicate)
        throw conflict(`Case ${body.caseNumber} is already registered`, { field: 'caseNumber' });
      const row = await tx
        .insertInto('police_cases')
        .values({
          case_number: body.caseNumber,
          officer_id: ctx.actor.id,
          kindergarten_id: body.kindergartenId,
          district_id: districtId,
          from_at: new Date(body.from),
          to_at: new Date(body.to),
          reason: body.reason,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('police_case_areas')
        .values(
          [...new Set(body.areaIds)].map((areaId) => ({
            case_id: row.id,
            area_id: areaId,
            status: placements[body.areaIds.indexOf(areaId)]!.isKey
              ? ('open' as const)
              : ('pending' as const),
          })),
        )
        .execute();
      await this.audit(ctx, {
        action: 'police_case.register',
        caseId: row.id,
        caseNumber: body.caseNumber,
        tx,
      });
      return row.id;
    });
    return this.view(await this.findRow(id));
  }

  async list(ctx: CameraContext): Promise<PoliceCase[]> {
    const { actor } = ctx;
    let q = this.deps.platform.db.selectFrom('police_cases').selectAll();
    if (actor.role === 'police') q = q.where('officer_id', '=', actor.id);
    else if (actor.role === 'district_reviewer')
      q = q.where('district_id', '=', actor.districtId ?? '');
    else return [];
    const rows = await q.orderBy('created_at', 'desc').execute();
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async decideArea(
    ctx: CameraContext,
    ids: { caseId: string; areaId: string },
    approve: boolean,
  ): Promise<PoliceCase> {
    const row = await this.findRow(ids.caseId);
    if (!row || !can(ctx.actor, 'police_case.approve', resourceOf(row)))
      throw notFound('police case', ids.caseId);
    const { db, now } = this.deps.platform;
    await db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('police_case_areas')
        .set({
          status: approve ? 'approved' : 'rejected',
          decided_by: ctx.actor.id,
          decided_at: now(),
        })
        .where('case_id', '=', ids.caseId)
        .where('area_id', '=', ids.areaId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        throw conflict('That area of the case waits for no decision', { field: 'areaId' });
      }
      await this.audit(ctx, {
        action: approve ? 'police_case.approve_area' : 'police_case.refuse_area',
        caseId: ids.caseId,
        caseNumber: row.case_number,
        tx,
        details: { areaId: ids.areaId },
      });
    });
    return this.view(row);
  }

  async close(ctx: CameraContext, id: string): Promise<PoliceCase> {
    const row = await this.findRow(id);
    if (!row || row.officer_id !== ctx.actor.id) throw notFound('police case', id);
    await this.deps.platform.db
      .updateTable('police_cases')
      .set((eb) => ({ closed_at: eb.fn.coalesce('closed_at', eb.val(this.deps.platform.now())) }))
      .where('id', '=', id)
      .execute();
    await this.audit(ctx, { action: 'police_case.close', caseId: id, caseNumber: row.case_number });
    return this.view(row);
  }

  /**
   * The officer's open case covering a camera: any open case of the kindergarten for a key
   * area, an approved area of one for any other area. Null when none does.
   */
  async grant(
    actor: Actor,
    camera: { areaId: string; kindergartenId: string; isKey: boolean },
  ): Promise<CaseGrant | null> {
    if (actor.role !== 'police') return null;
    // LIMITATION: the case's time range is not applied to what is watched: while the case is
    // open, an approved area is open live and for any recorded time, not only its range.
    const rows = await this.deps.platform.db
      .selectFrom('police_cases as c')
      .leftJoin('police_case_areas as a', (join) =>
        join.onRef('a.case_id', '=', 'c.id').on('a.area_id', '=', camera.areaId),
      )
      .select(['c.id', 'c.case_number', 'a.status'])
      .where('c.officer_id', '=', actor.id)
      .where('c.kindergarten_id', '=', camera.kindergartenId)
      .where('c.closed_at', 'is', null)
      .orderBy('c.created_at')
      .execute();
    const approved = rows.find((r) => r.status === 'approved' || r.status === 'open');
    if (!camera.isKey) {
      return approved
        ? { caseId: approved.id, caseNumber: approved.case_number, approvedArea: true }
        : null;
    }
    const covering = approved ?? rows[0];
    return covering
      ? { caseId: covering.id, caseNumber: covering.case_number, approvedArea: false }
      : null;
  }

  async findRow(id: string) {
    return this.deps.platform.db
      .selectFrom('police_cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  private async view(row: CaseRow): Promise<PoliceCase> {
    if (!row) throw notFound('police case');
    const areas = await this.deps.platform.db
      .selectFrom('police_case_areas as p')
      .innerJoin('areas as a', 'a.id', 'p.area_id')
      .select(['p.area_id', 'p.status', 'a.is_key'])
      .where('p.case_id', '=', row.id)
      .execute();
    return {
      id: row.id,
      caseNumber: row.case_number,
      officerId: row.officer_id,
      kindergartenId: row.kindergarten_id,
      districtId: row.district_id,
      from: new Date(row.from_at).toISOString(),
      to: new Date(row.to_at).toISOString(),
      reason: row.reason,
      createdAt: new Date(row.created_at).toISOString(),
      areas: areas.map((a) => ({ areaId: a.area_id, isKey: a.is_key, status: a.status })),
    };
  }

  private async audit(
    ctx: CameraContext,
    entry: {
      action: string;
      caseId: string;
      caseNumber: string;
      tx?: Parameters<AuditService['record']>[1];
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: auditActorOf(ctx.actor),
        action: entry.action,
        resourceType: 'police_case',
        resourceId: entry.caseId,
        purpose: entry.caseNumber,
        outcome: 'succeeded',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details: entry.details ?? {},
      },
      entry.tx,
    );
  }
}

const resourceOf = (row: NonNullable<CaseRow>): Resource => ({
  kind: 'kindergarten',
  districtId: row.district_id,
  kindergartenId: row.kindergarten_id,
});
