import type { Staff, StaffStatus } from '@gardenwatch/contracts';
import type { z } from 'zod';
import type {
  createStaffSchema,
  staffListQuerySchema,
  staffVersionSchema,
  updateStaffSchema,
} from '@gardenwatch/contracts';
import type { Platform } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { parseIdentityNumber } from './identity-number.ts';
import { kindergartenResource, type StaffAccess, type StaffContext } from './staff-access.ts';
import { presentStaff } from './staff-present.ts';
import {
  appendVersion,
  currentStaffQuery,
  findCurrent,
  toCurrent,
  versionsOf,
  type CurrentStaffRow,
  type VersionFields,
} from './staff.repository.ts';

/** Whether a person may become active staff of a kindergarten now (the blacklist module). */
export interface HiringGate {
  /** The kindergarten's latest check of the person in the last 30 days passed. */
  passedRecently(kindergartenId: string, idHashes: string[]): Promise<Set<string>>;
}

export interface StaffServiceDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
  gate: HiringGate;
}

type CreateInput = z.output<typeof createStaffSchema>;
type UpdateInput = z.output<typeof updateStaffSchema>;
type ListQuery = z.output<typeof staffListQuerySchema>;
type StaffVersion = z.input<typeof staffVersionSchema>;

export const hiringCheckRequired = () =>
  conflict('A passed hiring check of the last 30 days is needed to make this person active', {
    reason: 'hiring_check_required',
  });

export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  async list(ctx: StaffContext, query: ListQuery): Promise<{ items: Staff[]; total: number }> {
    const kg = await this.deps.access.kindergarten(query.kindergartenId);
    await this.deps.access.require(ctx, 'staff.read', kindergartenResource(kg), kg.kindergartenId);

    let base = currentStaffQuery(this.db).where('s.kindergarten_id', '=', kg.kindergartenId);
    if (query.status) base = base.where('v.status', '=', query.status);
    if (query.role) base = base.where('v.role', '=', query.role);
    const rows = await base
      .orderBy('v.name')
      .orderBy('s.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const count = await this.db
      .selectFrom(base.as('b'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { items: await this.present(ctx, rows.map(toCurrent)), total: Number(count.n) };
  }

  async get(ctx: StaffContext, id: string): Promise<Staff> {
    const row = await this.load(ctx, id, 'staff.read');
    const [shown] = await this.present(ctx, [row]);
    if (!shown) throw notFound('staff', id);
    return shown;
  }

  async history(ctx: StaffContext, id: string): Promise<StaffVersion[]> {
    await this.load(ctx, id, 'staff.read');
    const rows = await versionsOf(this.db, id);
    return rows.map((v) => ({
      version: v.version,
      name: v.name,
      role: v.role as StaffVersion['role'],
      education: v.education as StaffVersion['education'],
      certificateNumber: v.certificate_number,
      certificateValidUntil: v.certificate_valid_until,
      hiredOn: v.hired_on,
      leftOn: v.left_on,
      monthlyPayFen: v.monthly_pay_fen,
      status: v.status as StaffStatus,
      changeSource: v.change_source,
      changedBy: v.changed_by,
      validFrom: v.valid_from.toISOString(),
      validTo: v.valid_to?.toISOString() ?? null,
    }));
  }

  async create(ctx: StaffContext, input: CreateInput): Promise<Staff> {
    const kg = await this.deps.access.kindergarten(input.kindergartenId);
    await this.deps.access.require(
      ctx,
      'staff.manage',
      kindergartenResource(kg),
      kg.kindergartenId,
    );
    const parsed = parseIdentityNumber(input.identityNumber, this.deps.platform.now());
    if (!parsed.ok) {
      throw badRequest('The identity number is not valid', {
        field: 'identityNumber',
        problem: parsed.problem,
      });
    }
    checkDates(input);

    const { secrets } = this.deps.platform;
    const idHash = secrets.keyedHash(parsed.value);
    const passed = await this.deps.gate.passedRecently(kg.kindergartenId, [idHash]);
    if (input.activate && !passed.has(idHash)) throw hiringCheckRequired();
    const status: StaffStatus = input.leftOn ? 'left' : input.activate ? 'active' : 'pending_check';

    const id = await this.db.transaction().execute(async (tx) => {
      const existing = await tx
        .selectFrom('staff as s')
        .innerJoin('staff_versions as v', (j) =>
          j.onRef('v.staff_id', '=', 's.id').on('v.valid_to', 'is', null),
        )
        .select(['s.id', 'v.status'])
        .where('s.kindergarten_id', '=', kg.kindergartenId)
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (existing && existing.status !== 'left')
        throw conflict('This person is already registered here', { staffId: existing.id });

      // A person who left is registered again on the same record: a new version, the old
      // employment kept in the history.
      const staffId =
        existing?.id ??
        (
          await tx
            .insertInto('staff')
            .values({
              kindergarten_id: kg.kindergartenId,
              id_hash: idHash,
              id_encrypted: secrets.encrypt(parsed.value),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      await appendVersion(tx, staffId, { ...fieldsOf(input), status }, this.meta(ctx));
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: existing ? 'staff.rehire' : 'staff.create',
          resourceType: 'staff',
          resourceId: staffId,
          outcome: 'succeeded',
          details: { kindergartenId: kg.kindergartenId, status },
        }),
        tx,
      );
      return staffId;
    });
    return this.get(ctx, id);
  }

  async update(ctx: StaffContext, id: string, patch: UpdateInput): Promise<Staff> {
    const row = await this.load(ctx, id, 'staff.manage');
    const next: VersionFields = { ...fieldsOf(row), ...stripUndefined(patch), status: row.status };
    checkDates(next);
    if (next.leftOn && row.status !== 'left') next.status = 'left';
    return this.change(ctx, row, next, 'staff.update');
  }

  async activate(ctx: StaffContext, id: string): Promise<Staff> {
    const row = await this.load(ctx, id, 'staff.manage');
    if (row.status === 'left') throw conflict('This person has left; register them again');
    const passed = await this.deps.gate.passedRecently(row.kindergartenId, [row.idHash]);
    if (!passed.has(row.idHash)) throw hiringCheckRequired();
    return this.change(ctx, row, { ...fieldsOf(row), status: 'active' }, 'staff.activate');
  }

  async suspend(ctx: StaffContext, id: string): Promise<Staff> {
    const row = await this.load(ctx, id, 'staff.manage');
    if (row.status === 'left') throw conflict('This person has left');
    return this.change(ctx, row, { ...fieldsOf(row), status: 'suspended' }, 'staff.suspend');
  }

  async leave(ctx: StaffContext, id: string, leftOn: string): Promise<Staff> {
    const row = await this.load(ctx, id, 'staff.manage');
    const next: VersionFields = { ...fieldsOf(row), leftOn, status: 'left' };
    checkDates(next);
    return this.change(ctx, row, next, 'staff.leave');
  }

  private async change(
    ctx: StaffContext,
    row: CurrentStaffRow,
    next: VersionFields,
    action: string,
  ) {
    if (sameFields(row, next)) return this.get(ctx, row.id);

    await this.db.transaction().execute(async (tx) => {
      const version = await appendVersion(tx, row.id, next, this.meta(ctx));
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action,
          resourceType: 'staff',
          resourceId: row.id,
          outcome: 'succeeded',
          details: { kindergartenId: row.kindergartenId, version, status: next.status },
        }),
        tx,
      );
    });
    return this.get(ctx, row.id);
  }

  /** The row, after checking the action on its kindergarten; unknown ids are 404. */
  private async load(ctx: StaffContext, id: string, action: 'staff.read' | 'staff.manage') {
    const row = await findCurrent(this.db, id);
    if (!row) throw notFound('staff', id);
    const kg = await this.deps.access.kindergarten(row.kindergartenId);
    await this.deps.access.require(ctx, action, kindergartenResource(kg), row.id);
    return row;
  }

  private present(ctx: StaffContext, rows: CurrentStaffRow[]) {
    return presentStaff({ db: this.db, secrets: this.deps.platform.secrets }, ctx.actor, rows);
  }

  private meta(ctx: StaffContext) {
    return { source: 'manual' as const, by: ctx.actor.id, at: this.deps.platform.now() };
  }

  private get db() {
    return this.deps.platform.db;
  }
}

const FIELD_KEYS = [
  'name',
  'role',
  'education',
  'certificateNumber',
  'certificateValidUntil',
  'hiredOn',
  'leftOn',
  'monthlyPayFen',
] as const;

export function fieldsOf(source: VersionFields | CreateInput): Omit<VersionFields, 'status'> {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, source[k]])) as Omit<VersionFields, 'status'>;
}

export function sameFields(a: VersionFields, b: VersionFields): boolean {
  return a.status === b.status && FIELD_KEYS.every((k) => a[k] === b[k]);
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkDates(f: { hiredOn: string; leftOn: string | null }): void {
  if (f.leftOn && f.leftOn < f.hiredOn) {
    throw badRequest('The leaving date is before the hiring date', { field: 'leftOn' });
  }
}
