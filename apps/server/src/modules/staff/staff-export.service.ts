import type { dashboardQuerySchema, reportKinds } from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { toCsv, type CsvValue } from './csv-export.ts';
import { kindergartenResource, type StaffAccess, type StaffContext } from './staff-access.ts';
import type { StaffDashboardService } from './staff-dashboard.service.ts';
import { shownIdentityNumber } from './staff-present.ts';
import { currentStaffQuery, toCurrent } from './staff.repository.ts';

type Query = z.output<typeof dashboardQuerySchema>;
type ReportKind = (typeof reportKinds)[number];

export interface StaffExportDeps {
  platform: Platform;
  audit: AuditService;
  access: StaffAccess;
  dashboards: StaffDashboardService;
}

const yuan = (fen: number | null): CsvValue => (fen === null ? null : fen / 100);
const percent = (share: number | null): CsvValue =>
  share === null ? null : Math.round(share * 1000) / 10;

/** CSV exports: every one audited; text that a spreadsheet would run is escaped. */
export class StaffExportService {
  constructor(private readonly deps: StaffExportDeps) {}

  async staff(ctx: StaffContext, kindergartenId: string): Promise<string> {
    const kg = await this.deps.access.kindergarten(kindergartenId);
    await this.deps.access.require(ctx, 'staff.read', kindergartenResource(kg), kindergartenId);
    const rows = (
      await currentStaffQuery(this.deps.platform.db)
        .where('s.kindergarten_id', '=', kindergartenId)
        .orderBy('v.name')
        .execute()
    ).map(toCurrent);

    const csv = toCsv(
      [
        '姓名',
        '身份证号',
        '岗位',
        '学历',
        '教师资格证号',
        '资格证有效期至',
        '入职日期',
        '离职日期',
        '月工资(元)',
        '状态',
      ],
      rows.map((r) => [
        r.name,
        shownIdentityNumber(this.deps.platform.secrets, ctx.actor, r.idEncrypted),
        r.role,
        r.education,
        r.certificateNumber,
        r.certificateValidUntil,
        r.hiredOn,
        r.leftOn,
        yuan(r.monthlyPayFen),
        r.status,
      ]),
    );
    await this.audited(ctx, 'staff.export', kindergartenId, { rows: rows.length });
    return csv;
  }

  async dashboard(ctx: StaffContext, report: ReportKind, query: Query): Promise<string> {
    const csv = await this.render(ctx, report, query);
    await this.audited(ctx, 'staff.report.export', null, { report, ...query });
    return csv;
  }

  private async render(ctx: StaffContext, report: ReportKind, query: Query): Promise<string> {
    const { dashboards } = this.deps;
    switch (report) {
      case 'qualifications': {
        const d = await dashboards.qualifications(ctx, query);
        return toCsv(
          ['幼儿园', '类型', '教师人数', '大专及以上', '占比(%)', '目标(%)', '低于目标'],
          d.byKindergarten.map((k) => [
            k.name,
            k.type,
            k.teachers,
            k.qualified,
            percent(k.share),
            percent(d.target),
            k.belowTarget ? '是' : '否',
          ]),
        );
      }
      case 'certificates': {
        const d = await dashboards.certificates(ctx, query);
        return toCsv(
          ['姓名', '教师资格证号', '资格证有效期至'],
          d.people.map((p) => [p.name, p.certificateNumber, p.certificateValidUntil]),
        );
      }
      case 'pay': {
        const d = await dashboards.pay(ctx, query);
        return toCsv(
          [
            '幼儿园',
            '类型',
            '教师人数',
            '教师年均工资(元)',
            '低于公办小学教师',
            '低于社会平均工资',
          ],
          d.kindergartens.map((k) => [
            k.name,
            k.type,
            k.teachers,
            yuan(k.teacherAnnualFen),
            k.belowPrimaryTeacher ? '是' : '否',
            k.belowSocialAverage ? '是' : '否',
          ]),
        );
      }
    }
  }

  private async audited(
    ctx: StaffContext,
    action: string,
    resourceId: string | null,
    details: Record<string, unknown>,
  ) {
    await this.deps.audit.record(
      this.deps.access.entry(ctx, {
        action,
        resourceType: 'staff_export',
        resourceId,
        outcome: 'succeeded',
        details,
      }),
    );
  }
}
