import type {
  Resource,
  certificateDashboardSchema,
  dashboardQuerySchema,
  payDashboardSchema,
  qualificationDashboardSchema,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { StaffAccess, StaffContext } from './staff-access.ts';
import {
  certificateProblems,
  kindergartenCounts,
  type DashboardScope,
  type KindergartenCounts,
} from './staff-dashboard.queries.ts';
import type { StaffSettingsService } from './staff-settings.service.ts';

type Query = z.output<typeof dashboardQuerySchema>;
type Qualifications = z.input<typeof qualificationDashboardSchema>;
type Certificates = z.input<typeof certificateDashboardSchema>;
type Pay = z.input<typeof payDashboardSchema>;

const PEOPLE_LIMIT = 500;

export interface StaffDashboardDeps {
  platform: Platform;
  access: StaffAccess;
  settings: StaffSettingsService;
}

/** Qualifications, certificates and pay, for the city, a district or a kindergarten. */
export class StaffDashboardService {
  constructor(private readonly deps: StaffDashboardDeps) {}

  async qualifications(ctx: StaffContext, query: Query): Promise<Qualifications> {
    const scope = await this.scope(ctx, query);
    const year = query.year ?? this.year();
    const { share: target } = await this.deps.settings.target(year);
    const rows = await kindergartenCounts(this.db, scope, this.today());

    const share = (teachers: number, qualified: number) => {
      const value = teachers === 0 ? null : qualified / teachers;
      return { teachers, qualified, share: value, belowTarget: value !== null && value < target };
    };
    const group = (key: (r: KindergartenCounts) => string) => {
      const totals = new Map<
        string,
        { teachers: number; qualified: number; first: KindergartenCounts }
      >();
      for (const r of rows) {
        const t = totals.get(key(r)) ?? { teachers: 0, qualified: 0, first: r };
        totals.set(key(r), {
          ...t,
          teachers: t.teachers + r.teachers,
          qualified: t.qualified + r.qualified,
        });
      }
      return [...totals.values()];
    };
    const all = rows.reduce((acc, r) => ({ t: acc.t + r.teachers, q: acc.q + r.qualified }), {
      t: 0,
      q: 0,
    });

    return {
      year,
      target,
      total: share(all.t, all.q),
      byDistrict: group((r) => r.district_id).map((g) => ({
        districtId: g.first.district_id,
        name: g.first.district_name,
        ...share(g.teachers, g.qualified),
      })),
      byType: group((r) => r.type).map((g) => ({
        type: g.first.type,
        ...share(g.teachers, g.qualified),
      })),
      byKindergarten: rows.map((r) => ({
        kindergartenId: r.kindergarten_id,
        name: r.name,
        districtId: r.district_id,
        type: r.type,
        ...share(r.teachers, r.qualified),
      })),
    };
  }

  async certificates(ctx: StaffContext, query: Query): Promise<Certificates> {
    const scope = await this.scope(ctx, query);
    const today = this.today();
    const rows = await kindergartenCounts(this.db, scope, today);
    const people = await certificateProblems(this.db, scope, today, PEOPLE_LIMIT);
    return {
      asOf: today,
      teachers: rows.reduce((n, r) => n + r.teachers, 0),
      expired: rows.reduce((n, r) => n + r.expired, 0),
      missing: rows.reduce((n, r) => n + r.missing, 0),
      byKindergarten: rows
        .filter((r) => r.expired + r.missing > 0)
        .map((r) => ({
          kindergartenId: r.kindergarten_id,
          name: r.name,
          expired: r.expired,
          missing: r.missing,
        })),
      people: people.map((p) => ({
        staffId: p.staff_id,
        kindergartenId: p.kindergarten_id,
        name: p.name,
        certificateNumber: p.certificate_number,
        certificateValidUntil: p.certificate_valid_until,
      })),
    };
  }

  async pay(ctx: StaffContext, query: Query): Promise<Pay> {
    const scope = await this.scope(ctx, query);
    const benchmarks = await this.deps.settings.benchmarks(query.year ?? this.year());
    const rows = await kindergartenCounts(this.db, scope, this.today());
    const annual = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 12));
    const below = (value: number | null, benchmark: number | null) =>
      value !== null && benchmark !== null && value < benchmark;

    return {
      benchmarks,
      kindergartens: rows.map((r) => {
        const teacherAnnualFen = annual(r.teacher_pay_sum, r.teachers);
        return {
          kindergartenId: r.kindergarten_id,
          name: r.name,
          districtId: r.district_id,
          type: r.type,
          teachers: r.teachers,
          staff: r.staff,
          teacherAnnualFen,
          staffAnnualFen: annual(r.staff_pay_sum, r.staff),
          belowPrimaryTeacher: below(teacherAnnualFen, benchmarks.primaryTeacherAnnualFen),
          belowSocialAverage: below(teacherAnnualFen, benchmarks.socialAverageAnnualFen),
        };
      }),
    };
  }

  /**
   * The kindergartens asked for, defaulting to the actor's own scope (a principal's
   * kindergarten, a reviewer's district, the city), after checking `report.read` on it.
   */
  async scope(ctx: StaffContext, query: Query): Promise<DashboardScope> {
    const { actor } = ctx;
    // Kindergarten staff (principals) always get their kindergarten: the district level is in
    // their navigation scope, but its figures are not theirs to read.
    const kindergartenId = query.kindergartenId ?? actor.kindergartenId ?? undefined;
    if (kindergartenId) {
      const kg = await this.deps.access.kindergarten(kindergartenId);
      const resource: Resource = {
        kind: 'kindergarten',
        districtId: kg.districtId,
        kindergartenId,
      };
      await this.deps.access.require(ctx, 'report.read', resource, kindergartenId);
      return { kindergartenId };
    }
    const districtId = query.districtId ?? actor.districtId ?? undefined;
    if (districtId) {
      if (!(await this.deps.access.districtExists(districtId)))
        throw notFound('district', districtId);
      await this.deps.access.require(
        ctx,
        'report.read',
        { kind: 'district', districtId },
        districtId,
      );
      return { districtId };
    }
    await this.deps.access.require(ctx, 'report.read', { kind: 'city' });
    return {};
  }

  private today(): string {
    return this.deps.platform.now().toISOString().slice(0, 10);
  }

  private year(): number {
    return this.deps.platform.now().getUTCFullYear();
  }

  private get db() {
    return this.deps.platform.db;
  }
}
