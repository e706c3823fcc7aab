import {
  can,
  type Actor,
  type FootageDecision,
  type FootageRequest,
  type FootageRequestCreate,
  type Resource,
} from '@gardenwatch/contracts';
import { createHash, randomUUID } from 'node:crypto';
import type { Platform } from '../../platform/context.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import type { NoticesService } from '../notices/notices.service.ts';
import type { HoldService } from '../recording/hold.service.ts';
import { holdWindow } from './request-holds.ts';
import { RequestIntake } from './request-intake.ts';
import { toRequestView } from './request-view.ts';
import { RequestsRepository, type RequestRow } from './requests.repository.ts';

const DAY_MS = 86_400_000;

export type RequestContext = CameraContext;

export interface RequestsServiceDeps {
  platform: Platform;
  audit: AuditService;
  holds: HoldService;
  notices: NoticesService;
}

/**
 * Footage requests from application to decision. The footage is held the moment a request is
 * accepted; the kindergarten is told; the reviewer of the kindergarten's district (the police
 * for a criminal report) decides before the deadline; each step is in the request's history.
 */
export class RequestsService {
  readonly repo: RequestsRepository;
  private readonly intake: RequestIntake;

  constructor(private readonly deps: RequestsServiceDeps) {
    const { db, now } = deps.platform;
    this.repo = new RequestsRepository(db);
    this.intake = new RequestIntake({ db, repo: this.repo, now });
  }

  async create(ctx: RequestContext, body: FootageRequestCreate): Promise<FootageRequest> {
    const intake = await this.intake.resolve(ctx.actor, body);
    const cameraIds = intake.cameras.map((c) => c.id);
    const overlapping = await this.repo.overlapping({
      applicantId: ctx.actor.id,
      cameraIds,
      ...intake,
    });
    if (overlapping[0]) {
      throw conflict(`Request ${overlapping[0].number} already covers part of this window`, {
        field: 'from',
        requestId: overlapping[0].id,
      });
    }

    const id = randomUUID();
    const held = await holdWindow(this.deps.holds, { requestId: id, cameraIds, ...intake });
    const now = this.deps.platform.now();
    try {
      await this.deps.platform.db.transaction().execute(async (tx) => {
        await this.repo.insert(tx, {
          id,
          applicant_id: ctx.actor.id,
          kindergarten_id: intake.kindergartenId,
          district_id: intake.districtId,
          routed_to: intake.routedTo,
          from_at: intake.from,
          to_at: intake.to,
          camera_ids: cameraIds,
          reason: body.reason,
          description: body.description,
          due_at: new Date(
            now.getTime() + this.deps.platform.config.footageRequestDueDays * DAY_MS,
          ),
        });
        await this.repo.linkHolds(tx, id, held.holdIds);
        await this.repo.addEvent(tx, {
          requestId: id,
          status: 'pending',
          at: now,
          actorId: ctx.actor.id,
        });
        await this.audit(ctx, {
          action: 'footage_request.create',
          requestId: id,
          tx,
          details: {
            cameraIds,
            from: intake.from.toISOString(),
            to: intake.to.toISOString(),
            reason: body.reason,
            routedTo: intake.routedTo,
          },
        });
      });
    } catch (error) {
      await Promise.all(held.createdIds.map((holdId) => this.deps.holds.release(holdId)));
      throw error;
    }
    await this.notify('footage_request', await this.require(id));
    this.deps.platform.logger.info(
      { requestId: id, holds: held.holdIds.length },
      'footage_request.created',
    );
    return this.view(await this.require(id));
  }

  async areas(ctx: RequestContext, kindergartenId: string | undefined) {
    return this.intake.requestableAreas(ctx.actor, kindergartenId);
  }

  async list(
    ctx: RequestContext,
    query: { view: 'mine' | 'queue'; overdue?: 'true' | 'false' | undefined },
  ): Promise<FootageRequest[]> {
    const { actor } = ctx;
    const rows =
      query.view === 'mine' ? await this.repo.byApplicant(actor.id) : await this.queueOf(actor);
    const views = await Promise.all(rows.map((row) => this.view(row)));
    if (query.overdue === undefined) return views;
    return views.filter((v) => v.overdue === (query.overdue === 'true'));
  }

  async get(ctx: RequestContext, id: string): Promise<FootageRequest> {
    return this.view(await this.readable(ctx.actor, id));
  }

  async decide(
    ctx: RequestContext,
    id: string,
    decision: FootageDecision,
  ): Promise<FootageRequest> {
    const row = await this.reviewable(ctx.actor, id);
    if (row.status !== 'pending') {
      throw conflict(`Request ${row.number} was already decided`, { field: 'outcome' });
    }
    const now = this.deps.platform.now();
    const status = statusOf[decision.outcome];
    await this.deps.platform.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('footage_requests')
        .set({
          status,
          decided_by: ctx.actor.id,
          decided_at: now,
          rejection_reason: decision.outcome === 'reject' ? decision.reason : null,
          on_site_at: decision.outcome === 'on_site' ? new Date(decision.at) : null,
        })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
      await this.repo.addEvent(tx, { requestId: id, status, at: now, actorId: ctx.actor.id });
      await this.audit(ctx, {
        action: 'footage_request.decide',
        requestId: id,
        tx,
        details: decision,
      });
    });
    const decided = await this.require(id);
    await this.notify('footage_request', decided, `${id}:${status}`);
    return this.view(decided);
  }

  /**
   * Reminds the reviewers of requests due within a day (once each); returns how many. The
   * overdue list itself is the queue filtered by `overdue=true`.
   */
  async remindDue(): Promise<number> {
    const now = this.deps.platform.now();
    const due = await this.repo.dueWithoutReminder(new Date(now.getTime() + DAY_MS));
    for (const row of due) {
      await this.notify('footage_request_due', row);
      await this.repo.markReminded(row.id, now);
    }
    if (due.length > 0)
      this.deps.platform.logger.info({ count: due.length }, 'footage_request.reminded');
    return due.length;
  }

  /** The request as its applicant, its reviewers, or its kindergarten's principal may read it. */
  async readable(actor: Actor, id: string): Promise<RequestRow> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('footage request', id);
    if (row.applicant_id === actor.id || mayReview(actor, row)) return row;
    if (can(actor, 'footage_request.notice', resourceOf(row))) return row;
    throw notFound('footage request', id);
  }

  /** The request if the actor decides it (district reviewer or, for a criminal report, police). */
  async reviewable(actor: Actor, id: string): Promise<RequestRow> {
    const row = await this.readable(actor, id);
    if (!mayReview(actor, row)) throw forbidden('Only the request’s reviewer may decide it');
    return row;
  }

  async audit(
    ctx: RequestContext,
    entry: {
      action: string;
      requestId: string;
      details: Record<string, unknown>;
      tx?: Parameters<AuditService['record']>[1];
    },
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: auditActorOf(ctx.actor),
        action: entry.action,
        resourceType: 'footage_request',
        resourceId: entry.requestId,
        outcome: 'succeeded',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details: entry.details,
      },
      entry.tx,
    );
  }

  async require(id: string): Promise<RequestRow> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('footage request', id);
    return row;
  }

  async view(row: RequestRow): Promise<FootageRequest> {
    const details = await this.repo.details(row.id);
    const shared = await this.repo.sharedHoldCount(row.id);
    return toRequestView(row, details, { now: this.deps.platform.now(), sharedHolds: shared });
  }

  private async queueOf(actor: Actor): Promise<RequestRow[]> {
    if (actor.role === 'district_reviewer' && actor.districtId) {
      return this.repo.queue({ routedTo: 'district', districtId: actor.districtId });
    }
    if (actor.role === 'police')
      return this.repo.queue({ routedTo: 'police', districtId: actor.districtId });
    return [];
  }

  private async notify(
    kind: 'footage_request' | 'footage_request_due',
    row: RequestRow,
    key?: string,
  ) {
    await this.deps.notices.write({
      kind,
      // One notice per request and step; a notice's event id is a uuid.
      eventId: key ? uuidFrom(key) : row.id,
      kindergartenId: row.kindergarten_id,
      districtId: row.district_id,
      staffId: null,
      at: this.deps.platform.now().toISOString(),
    });
  }
}

const statusOf = { release: 'released', on_site: 'on_site', reject: 'rejected' } as const;

const resourceOf = (row: RequestRow): Resource => ({
  kind: 'kindergarten',
  districtId: row.district_id,
  kindergartenId: row.kindergarten_id,
});

/** District requests go to the district's reviewer, criminal reports to the police. */
export function mayReview(actor: Actor, row: RequestRow): boolean {
  if (!can(actor, 'footage_request.review', resourceOf(row))) return false;
  return row.routed_to === 'police' ? actor.role === 'police' : actor.role === 'district_reviewer';
}

/** A stable uuid-shaped id for a notice key (a request and one of its steps). */
function uuidFrom(key: string): string {
  const h = createHash('sha256').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
