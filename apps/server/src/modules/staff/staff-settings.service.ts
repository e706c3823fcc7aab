import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { StaffAccess, StaffContext } from './staff-access.ts';

/** The city's target share of college-educated teachers when a year has none set. */
export const DEFAULT_QUALIFICATION_TARGET = 0.9;

export interface QualificationTarget {
  year: number;
  share: number;
  isDefault: boolean;
}

export interface PayBenchmarks {
  year: number;
  primaryTeacherAnnualFen: number | null;
  socialAverageAnnualFen: number | null;
}

export interface StaffSettingsDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
}

// City-wide settings follow the rule of the kindergarten registry: city administrators only.
const MANAGE = 'org.manage_kindergartens' as const;
const CITY = { kind: 'city' } as const;

/** Per-year targets and pay benchmarks of the dashboards. */
export class StaffSettingsService {
  constructor(private readonly deps: StaffSettingsDeps) {}

  async target(year: number): Promise<QualificationTarget> {
    const row = await this.deps.platform.db
      .selectFrom('qualification_targets')
      .select('share')
      .where('year', '=', year)
      .executeTakeFirst();
    return row
      ? { year, share: Number(row.share), isDefault: false }
      : { year, share: DEFAULT_QUALIFICATION_TARGET, isDefault: true };
  }

  async setTarget(ctx: StaffContext, year: number, share: number): Promise<QualificationTarget> {
    await this.deps.access.require(ctx, MANAGE, CITY);
    await this.deps.platform.db.transaction().execute(async (tx) => {
      const values = {
        year,
        share,
        updated_by: ctx.actor.id,
        updated_at: this.deps.platform.now(),
      };
      await tx
        .insertInto('qualification_targets')
        .values(values)
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .execute();
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: 'staff.target.set',
          resourceType: 'qualification_target',
          resourceId: String(year),
          outcome: 'succeeded',
          details: { share },
        }),
        tx,
      );
    });
    return this.target(year);
  }

  async benchmarks(year: number): Promise<PayBenchmarks> {
    const row = await this.deps.platform.db
      .selectFrom('pay_benchmarks')
      .selectAll()
      .where('year', '=', year)
      .executeTakeFirst();
    return {
      year,
      primaryTeacherAnnualFen: row?.primary_teacher_annual_fen ?? null,
      socialAverageAnnualFen: row?.social_average_annual_fen ?? null,
    };
  }

  async setBenchmarks(ctx: StaffContext, input: PayBenchmarks): Promise<PayBenchmarks> {
    await this.deps.access.require(ctx, MANAGE, CITY);
    await this.deps.platform.db.transaction().execute(async (tx) => {
      const values = {
        year: input.year,
        primary_teacher_annual_fen: input.primaryTeacherAnnualFen,
        social_average_annual_fen: input.socialAverageAnnualFen,
        updated_by: ctx.actor.id,
        updated_at: this.deps.platform.now(),
      };
      await tx
        .insertInto('pay_benchmarks')
        .values(values)
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .execute();
      await this.deps.audit.record(
        this.deps.access.entry(ctx, {
          action: 'staff.pay_benchmarks.set',
          resourceType: 'pay_benchmarks',
          resourceId: String(input.year),
          outcome: 'succeeded',
        }),
        tx,
      );
    });
    return this.benchmarks(input.year);
  }
}
