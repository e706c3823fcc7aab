import type { Platform } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { can } from '@gardenwatch/contracts';
import { kindergartenResource, type StaffAccess, type StaffContext } from './staff-access.ts';

export interface ScreenedPerson {
  staffId: string;
  kindergartenId: string;
  idHash: string;
}

export interface RaisedFlag {
  flagId: string;
  staffId: string;
  kindergartenId: string;
}

export interface StaffFlagsDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
}

/** What re-screening needs from the staff registry, and the review of the flags it raises. */
export class StaffFlagsService {
  constructor(private readonly deps: StaffFlagsDeps) {}

  /** Everyone currently employed (any status but left), in batches, by keyset. */
  async *currentStaff(batchSize = 5000): AsyncGenerator<ScreenedPerson[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.deps.platform.db
        .selectFrom('staff as s')
        .innerJoin('staff_versions as v', (join) =>
          join.onRef('v.staff_id', '=', 's.id').on('v.valid_to', 'is', null),
        )
        .select(['s.id', 's.kindergarten_id', 's.id_hash'])
        .where('v.status', '<>', 'left')
        .where('s.id', '>', after)
        .orderBy('s.id')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        staffId: r.id,
        kindergartenId: r.kindergarten_id,
        idHash: r.id_hash,
      }));
      after = rows[rows.length - 1]?.id ?? after;
      if (rows.length < batchSize) return;
    }
  }

  /** Opens a blacklist flag on each person without one already open; returns the new ones. */
  async raiseBlacklistFlags(
    people: ScreenedPerson[],
    screeningRunId: string,
  ): Promise<RaisedFlag[]> {
    if (people.length === 0) return [];
    const rows = await this.deps.platform.db
      .insertInto('staff_flags')
      .values(
        people.map((p) => ({
          staff_id: p.staffId,
          kind: 'blacklist_hit' as const,
          screening_run_id: screeningRunId,
          raised_at: this.deps.platform.now(),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['staff_id', 'kind']).where('resolved_at', 'is', null).doNothing(),
      )
      .returning(['id', 'staff_id'])
      .execute();
    const kgOf = new Map(people.map((p) => [p.staffId, p.kindergartenId]));
    return rows.map((r) => ({
      flagId: r.id,
      staffId: r.staff_id,
      kindergartenId: kgOf.get(r.staff_id) ?? '',
    }));
  }

  /** District reviewers of the person's district and city administrators close flags. */
  async resolve(ctx: StaffContext, flagId: string, note: string): Promise<void> {
    const flag = await this.deps.platform.db
      .selectFrom('staff_flags as f')
      .innerJoin('staff as s', 's.id', 'f.staff_id')
      .select(['f.id', 'f.resolved_at', 's.kindergarten_id', 's.id as staff_id'])
      .where('f.id', '=', flagId)
      .executeTakeFirst();
    if (!flag) throw notFound('flag', flagId);
    const kg = await this.deps.access.kindergarten(flag.kindergarten_id);
    const resource = kindergartenResource(kg);
    const reviewer = ['district_reviewer', 'city_admin'].includes(ctx.actor.role);
    if (!reviewer || !can(ctx.actor, 'staff.read', resource)) {
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: 'staff.flag.resolve',
          resourceType: 'staff_flag',
          resourceId: flagId,
          outcome: 'denied',
        }),
      );
      throw forbidden();
    }
    if (flag.resolved_at) return;

    await this.deps.platform.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('staff_flags')
        .set({
          resolved_at: this.deps.platform.now(),
          resolved_by: ctx.actor.id,
          resolution_note: note,
        })
        .where('id', '=', flagId)
        .execute();
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: 'staff.flag.resolve',
          resourceType: 'staff_flag',
          resourceId: flagId,
          outcome: 'succeeded',
          details: { staffId: flag.staff_id },
        }),
        tx,
      );
    });
  }
}
