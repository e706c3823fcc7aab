import { blacklistSubjects, type screeningRunSchema } from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuditActor } from '../audit/audit.types.ts';
import type { KindergartenRef, StaffAccess } from '../staff/staff-access.ts';
import type { ScreenedPerson, StaffFlagsService } from '../staff/staff-flags.service.ts';
import { barredAmong, dayOf } from './blacklist.repository.ts';

export type ScreeningTrigger = 'blacklist_change' | 'yearly' | 'manual';
export type ScreeningRun = z.input<typeof screeningRunSchema>;

const YEAR_MS = 365 * 86_400_000;

export interface ScreeningDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
  staffFlags: StaffFlagsService;
}

/**
 * Checks every current staff member against the blacklist. A hit opens a flag on the person
 * (once: an open flag is not raised again) and tells the district and the principal.
 */
export class ScreeningService {
  constructor(private readonly deps: ScreeningDeps) {}

  async run(trigger: ScreeningTrigger, actor: AuditActor | null = null): Promise<ScreeningRun> {
    const { db } = this.deps.platform;
    const startedAt = this.deps.platform.now();
    const run = await db
      .insertInto('screening_runs')
      .values({ trigger, started_at: startedAt })
      .returning('id')
      .executeTakeFirstOrThrow();

    let checked = 0;
    const hits: ScreenedPerson[] = [];
    for await (const batch of this.deps.staffFlags.currentStaff()) {
      checked += batch.length;
      const barred = await barredAmong(
        db,
        [...new Set(batch.map((p) => p.idHash))],
        dayOf(startedAt),
      );
      hits.push(...batch.filter((p) => barred.has(p.idHash)));
    }
    const raised = await this.deps.staffFlags.raiseBlacklistFlags(hits, run.id);
    await this.announce(raised, run.id);

    const finishedAt = this.deps.platform.now();
    await db
      .updateTable('screening_runs')
      .set({ finished_at: finishedAt, checked_count: checked, hit_count: hits.length })
      .where('id', '=', run.id)
      .execute();
    await this.deps.audit.record({
      actor,
      action: 'blacklist.screening',
      resourceType: 'screening_run',
      resourceId: run.id,
      outcome: 'succeeded',
      details: { trigger, checked, hits: hits.length, newFlags: raised.length },
    });
    this.deps.platform.logger.info(
      { runId: run.id, trigger, checked, hits: hits.length },
      'blacklist.screening.done',
    );
    return {
      id: run.id,
      trigger,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      checkedCount: checked,
      hitCount: hits.length,
    };
  }

  /** Runs the yearly screening when none ran in the last 365 days. */
  async runYearlyIfDue(): Promise<ScreeningRun | null> {
    const since = new Date(this.deps.platform.now().getTime() - YEAR_MS);
    const recent = await this.deps.platform.db
      .selectFrom('screening_runs')
      .select('id')
      .where('trigger', '=', 'yearly')
      .where('started_at', '>=', since)
      .executeTakeFirst();
    return recent ? null : this.run('yearly');
  }

  async recent(limit = 50): Promise<ScreeningRun[]> {
    const rows = await this.deps.platform.db
      .selectFrom('screening_runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      trigger: r.trigger,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
      checkedCount: r.checked_count,
      hitCount: r.hit_count,
    }));
  }

  private async announce(
    raised: { flagId: string; staffId: string; kindergartenId: string }[],
    runId: string,
  ) {
    const kindergartens = new Map<string, KindergartenRef>();
    for (const flag of raised) {
      const kg =
        kindergartens.get(flag.kindergartenId) ??
        (await this.deps.access.kindergarten(flag.kindergartenId));
      kindergartens.set(kg.kindergartenId, kg);
      // The notices module turns this into a notice for the district and the principal.
      await this.deps.platform.bus.publish(blacklistSubjects.screeningHit, {
        flagId: flag.flagId,
        staffId: flag.staffId,
        kindergartenId: kg.kindergartenId,
        districtId: kg.districtId,
        screeningRunId: runId,
        at: this.deps.platform.now().toISOString(),
      });
    }
  }
}
