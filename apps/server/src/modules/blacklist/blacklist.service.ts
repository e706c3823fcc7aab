import {
  blacklistSubjects,
  type BlacklistEntry,
  type appealSchema,
  type blacklistListQuerySchema,
  type blacklistRoutes,
  type createBlacklistEntrySchema,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { parseIdentityNumber } from '../staff/identity-number.ts';
import type { StaffAccess, StaffContext } from '../staff/staff-access.ts';
import type { Tx } from '../staff/staff.repository.ts';
import { dayOf, entryQuery, eventsOf, type EntryRow } from './blacklist.repository.ts';
import type { ScreeningService } from './screening.service.ts';

type CreateInput = z.output<typeof createBlacklistEntrySchema>;
type UpdateInput = z.output<NonNullable<(typeof blacklistRoutes)['update']['body']>>;
type AppealInput = z.output<typeof appealSchema>;
type ListQuery = z.output<typeof blacklistListQuerySchema>;
type Change = 'created' | 'updated' | 'appeal' | 'removed';

export interface BlacklistDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
  screening: ScreeningService;
}

const CITY = { kind: 'city' } as const;

const auditActions: Record<Change, string> = {
  created: 'blacklist.create',
  updated: 'blacklist.update',
  appeal: 'blacklist.appeal',
  removed: 'blacklist.remove',
};

/** The city's blacklist: city administrators only; every change audited and re-screened. */
export class BlacklistService {
  constructor(private readonly deps: BlacklistDeps) {}

  async list(
    ctx: StaffContext,
    query: ListQuery,
  ): Promise<{ items: BlacklistEntry[]; total: number }> {
    await this.deps.access.require(ctx, 'blacklist.manage', CITY);
    let base = entryQuery(this.db);
    if (!query.includeRemoved) base = base.where('removed_at', 'is', null);
    if (query.reason) base = base.where('reason', '=', query.reason);
    if (query.identityNumber) {
      base = base.where(
        'id_hash',
        '=',
        this.deps.platform.secrets.keyedHash(query.identityNumber.toUpperCase()),
      );
    }
    const rows = await base
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const count = await this.db
      .selectFrom(base.as('b'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: rows.map((r) => this.present(r)), total: Number(count.n) };
  }

  async get(ctx: StaffContext, id: string) {
    await this.deps.access.require(ctx, 'blacklist.manage', CITY, id);
    const row = await this.load(id);
    await this.deps.audit.record(
      this.deps.access.entry(ctx, {
        action: 'blacklist.read',
        resourceType: 'blacklist_entry',
        resourceId: id,
        outcome: 'succeeded',
      }),
    );
    const events = await eventsOf(this.db, id);
    return {
      ...this.present(row),
      events: events.map((e) => ({
        kind: e.kind,
        appealStatus: (e.appeal_status as BlacklistEntry['appealStatus'] | null) ?? null,
        note: e.note,
        decidedOn: e.decided_on,
        recordedBy: e.recorded_by,
        recordedAt: e.recorded_at.toISOString(),
      })),
    };
  }

  async create(ctx: StaffContext, input: CreateInput): Promise<BlacklistEntry> {
    await this.deps.access.require(ctx, 'blacklist.manage', CITY);
    const parsed = parseIdentityNumber(input.identityNumber, this.deps.platform.now());
    if (!parsed.ok) {
      throw badRequest('The identity number is not valid', {
        field: 'identityNumber',
        problem: parsed.problem,
      });
    }
    checkPeriod(input.decisionDate, input.until);

    const { secrets } = this.deps.platform;
    const id = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('blacklist_entries')
        .values({
          id_hash: secrets.keyedHash(parsed.value),
          id_encrypted: secrets.encrypt(parsed.value),
          name: input.name,
          reason: input.reason,
          decision_document: input.decisionDocument,
          decision_authority: input.decisionAuthority,
          decision_date: input.decisionDate,
          until_date: input.until,
          created_by: ctx.actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.event(tx, ctx, row.id, { kind: 'created' });
      return row.id;
    });
    return this.changed(ctx, id, 'created');
  }

  async update(ctx: StaffContext, id: string, input: UpdateInput): Promise<BlacklistEntry> {
    await this.deps.access.require(ctx, 'blacklist.manage', CITY, id);
    const row = await this.load(id);
    if (row.removed_at) throw conflict('The entry was removed');
    checkPeriod(
      input.decisionDate ?? row.decision_date,
      input.until === undefined ? row.until_date : input.until,
    );

    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('blacklist_entries')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
          ...(input.decisionDocument !== undefined
            ? { decision_document: input.decisionDocument }
            : {}),
          ...(input.decisionAuthority !== undefined
            ? { decision_authority: input.decisionAuthority }
            : {}),
          ...(input.decisionDate !== undefined ? { decision_date: input.decisionDate } : {}),
          ...(input.until !== undefined ? { until_date: input.until } : {}),
          updated_at: this.deps.platform.now(),
        })
        .where('id', '=', id)
        .execute();
      await this.event(tx, ctx, id, { kind: 'updated', note: input.note });
    });
    return this.changed(ctx, id, 'updated');
  }

  async appeal(ctx: StaffContext, id: string, input: AppealInput): Promise<BlacklistEntry> {
    await this.deps.access.require(ctx, 'blacklist.manage', CITY, id);
    const row = await this.load(id);
    if (row.removed_at) throw conflict('The entry was removed');

    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('blacklist_entries')
        .set({ appeal_status: input.status, updated_at: this.deps.platform.now() })
        .where('id', '=', id)
        .execute();
      await this.event(tx, ctx, id, {
        kind: 'appeal',
        appealStatus: input.status,
        note: input.note,
        decidedOn: input.decidedOn,
      });
    });
    return this.changed(ctx, id, 'appeal');
  }

  async remove(ctx: StaffContext, id: string, note: string): Promise<BlacklistEntry> {
    await this.deps.access.require(ctx, 'blacklist.manage', CITY, id);
    const row = await this.load(id);
    if (row.removed_at) return this.present(row);

    await this.db.transaction().execute(async (tx) => {
      const now = this.deps.platform.now();
      await tx
        .updateTable('blacklist_entries')
        .set({ removed_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      await this.event(tx, ctx, id, { kind: 'removed', note });
    });
    return this.changed(ctx, id, 'removed');
  }

  /** Announces the change and re-screens every current staff member against the new list. */
  private async changed(ctx: StaffContext, id: string, change: Change): Promise<BlacklistEntry> {
    await this.deps.platform.bus.publish(blacklistSubjects.changed, { entryId: id, change });
    const { actor } = ctx;
    await this.deps.screening.run('blacklist_change', {
      id: actor.id,
      username: actor.username,
      role: actor.role,
    });
    return this.present(await this.load(id));
  }

  private async event(
    tx: Tx,
    ctx: StaffContext,
    entryId: string,
    event: { kind: Change; appealStatus?: string; note?: string; decidedOn?: string | null },
  ): Promise<void> {
    await tx
      .insertInto('blacklist_events')
      .values({
        entry_id: entryId,
        kind: event.kind,
        appeal_status: event.appealStatus ?? null,
        note: event.note ?? null,
        decided_on: event.decidedOn ?? null,
        recorded_by: ctx.actor.id,
        recorded_at: this.deps.platform.now(),
      })
      .execute();
    await this.deps.audit.record(
      this.deps.access.entry(ctx, {
        action: auditActions[event.kind],
        resourceType: 'blacklist_entry',
        resourceId: entryId,
        outcome: 'succeeded',
        details: event.appealStatus ? { appealStatus: event.appealStatus } : {},
      }),
      tx,
    );
  }

  private async load(id: string): Promise<EntryRow> {
    const row = await entryQuery(this.db).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('blacklist entry', id);
    return row;
  }

  private present(row: EntryRow): BlacklistEntry {
    const today = dayOf(this.deps.platform.now());
    const effective =
      row.removed_at === null &&
      row.appeal_status !== 'overturned' &&
      (row.until_date === null || row.until_date >= today);
    return {
      id: row.id,
      identityNumber: this.deps.platform.secrets.decrypt(row.id_encrypted),
      name: row.name,
      reason: row.reason as BlacklistEntry['reason'],
      decisionDocument: row.decision_document,
      decisionAuthority: row.decision_authority,
      decisionDate: row.decision_date,
      until: row.until_date,
      appealStatus: row.appeal_status as BlacklistEntry['appealStatus'],
      effective,
      removedAt: row.removed_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  private get db() {
    return this.deps.platform.db;
  }
}

function checkPeriod(decisionDate: string, until: string | null): void {
  if (until !== null && until < decisionDate) {
    throw badRequest('The end of the period is before the decision date', { field: 'until' });
  }
}
