import {
  alertChangedSubject,
  can,
  type Actor,
  type Alert,
  type AlertState,
  type RulePrecision,
  type alertListQuery,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CameraVideoAccess } from '../cameras/camera-video-access.ts';
import { recordCameraSight } from '../cameras/camera-sight-audit.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import type { HoldService } from '../recording/hold.service.ts';
import { raiseAlert, type RaiseDeps, type RaiseInput, type RaiseResult } from './alert-raise.ts';
import { alertResource, ruleOf, toAlert } from './alerts.mappers.ts';
import type { AlertRow, AlertScope, AlertsRepository } from './alerts.repository.ts';

export type AlertListQuery = z.output<typeof alertListQuery>;

/** The states each change may start from. */
const FROM: Record<Exclude<AlertState, 'new'>, AlertState[]> = {
  acknowledged: ['new'],
  resolved: ['new', 'acknowledged'],
  false_alarm: ['new', 'acknowledged'],
};

export interface AlertsServiceDeps {
  platform: Platform;
  audit: AuditService;
  repo: AlertsRepository;
  holds: HoldService;
  access: CameraVideoAccess;
  raise: RaiseDeps;
}

/** Alerts: raising, reading within the reader's scope, and the life cycle, each change audited. */
export class AlertsService {
  constructor(private readonly deps: AlertsServiceDeps) {}

  /** A hit from the analysis (system use: no actor). */
  raise(input: RaiseInput): Promise<RaiseResult> {
    return raiseAlert(this.deps.raise, input);
  }

  async list(ctx: CameraContext, query: AlertListQuery): Promise<Alert[]> {
    const scope = scopeOf(ctx.actor, query);
    if (!scope) return [];
    const rows = (await this.deps.repo.list(scope)).filter((r) => this.readable(ctx.actor, r));
    const notes = await this.deps.repo.notesOf(rows.map((r) => r.id));
    return rows.map((r) => toAlert(r, notes));
  }

  async get(ctx: CameraContext, id: string): Promise<Alert> {
    const row = await this.readableRow(ctx.actor, id);
    return toAlert(row, await this.deps.repo.notesOf([id]));
  }

  /** For live consoles: the alert if this actor may read it. */
  async visibleTo(actor: Actor, id: string): Promise<Alert | undefined> {
    const row = await this.deps.repo.find(id);
    if (!row || !this.readable(actor, row)) return undefined;
    return toAlert(row, await this.deps.repo.notesOf([id]));
  }

  /** The snapshot is a frame of the camera: seen under the playback rule, and audited. */
  async snapshot(ctx: CameraContext, id: string): Promise<Buffer> {
    const row = await this.readableRow(ctx.actor, id);
    const jpeg = row.camera_id ? await this.deps.repo.snapshotOf(id) : undefined;
    if (!row.camera_id || !jpeg) throw notFound('snapshot', id);
    await this.deps.access.authorize(ctx, row.camera_id, 'video.playback');
    await recordCameraSight(this.deps.audit, ctx, {
      cameraId: row.camera_id,
      action: 'video.snapshot',
      details: { alertId: id },
    });
    return jpeg;
  }

  async change(
    ctx: CameraContext,
    id: string,
    to: Exclude<AlertState, 'new'>,
    note: string,
  ): Promise<Alert> {
    const { db, now } = this.deps.platform;
    const row = await db.transaction().execute(async (tx) => {
      const current = await this.deps.repo.lock(tx, id);
      if (!current || !this.readable(ctx.actor, current)) throw notFound('alert', id);
      if (!can(ctx.actor, 'alert.acknowledge', alertResource(current)))
        throw forbidden('Your role may not act on alerts');
      if (!FROM[to].includes(current.state)) {
        throw new AppError('CONFLICT', `The alert is ${current.state}; it cannot become ${to}`, {
          details: { state: current.state },
        });
      }

      const at = now();
      const closing = to !== 'acknowledged';
      await this.deps.repo.update(
        id,
        closing
          ? { state: to, escalate_at: null, closed_by: ctx.actor.id, closed_at: at }
          : { state: to, escalate_at: null, acknowledged_by: ctx.actor.id, acknowledged_at: at },
        tx,
      );
      await this.deps.repo.addNote(tx, {
        alertId: id,
        state: to,
        note,
        authorId: ctx.actor.id,
        at,
      });
      await this.audited(ctx, current, to, tx);
      return current;
    });
    await this.afterChange(row, to);
    return this.get(ctx, id);
  }

  async precision(
    ctx: CameraContext,
    kindergartenId: string | undefined,
  ): Promise<RulePrecision[]> {
    const { actor } = ctx;
    if (!['city_admin', 'district_reviewer', 'principal'].includes(actor.role)) return [];
    const scope = {
      ...(actor.districtId &&
        actor.role === 'district_reviewer' && { districtId: actor.districtId }),
      ...(actor.role === 'principal' && { kindergartenId: actor.kindergartenId ?? '' }),
      ...(kindergartenId && actor.role !== 'principal' && { kindergartenId }),
    };
    const rows = await this.deps.repo.precisionCounts(scope);
    return rows.map((r) => {
      const confirmed = Number(r.confirmed);
      const falseAlarms = Number(r.false_alarms);
      const closed = confirmed + falseAlarms;
      return {
        kindergartenId: r.kindergarten_id,
        rule: ruleOf({ rule: r.rule } as AlertRow),
        confirmed,
        falseAlarms,
        open: Number(r.open),
        precision: closed > 0 ? confirmed / closed : null,
      };
    });
  }

  private readable(actor: Actor, row: AlertRow): boolean {
    if (actor.role === 'police' && !row.police_notified_at) return false;
    return can(actor, 'alert.read', alertResource(row));
  }

  private async readableRow(actor: Actor, id: string): Promise<AlertRow> {
    const row = await this.deps.repo.find(id);
    if (!row || !this.readable(actor, row)) throw notFound('alert', id);
    return row;
  }

  private async audited(
    ctx: CameraContext,
    row: AlertRow,
    to: AlertState,
    tx: Parameters<AuditService['record']>[1],
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: auditActorOf(ctx.actor),
        action: to === 'acknowledged' ? 'alert.acknowledge' : `alert.${to}`,
        resourceType: 'alert',
        resourceId: row.id,
        outcome: 'succeeded',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details: { from: row.state, to, rule: row.rule, kindergartenId: row.kindergarten_id },
      },
      tx,
    );
  }

  /** A false alarm keeps no footage beyond retention; a confirmed alert keeps its clip held. */
  private async afterChange(row: AlertRow, to: AlertState): Promise<void> {
    if (to === 'false_alarm' && row.hold_id) await this.deps.holds.release(row.hold_id);
    await this.deps.platform.bus.publish(alertChangedSubject, { alertId: row.id });
    this.deps.platform.logger.info({ alertId: row.id, state: to }, 'alert.state.changed');
  }
}

function scopeOf(actor: Actor, query: AlertListQuery): AlertScope | null {
  const base = { state: query.state, severity: query.severity, limit: query.limit };
  const kindergartenId = query.kindergartenId;
  switch (actor.role) {
    case 'city_admin':
      return { ...base, kindergartenId };
    case 'district_reviewer':
      return { ...base, kindergartenId, districtId: actor.districtId ?? '' };
    case 'police':
      return {
        ...base,
        kindergartenId,
        districtId: actor.districtId ?? undefined,
        policeOnly: true,
      };
    case 'principal':
    case 'security_officer':
      return { ...base, kindergartenId: actor.kindergartenId ?? '' };
    case 'parent':
    case 'maintainer':
      return null;
  }
}
