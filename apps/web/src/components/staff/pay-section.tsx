import { staffRoutes, type RouteOutput } from '@gardenwatch/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { BarChart, type ReferenceLine } from './bar-chart.tsx';
import { formatYuan } from './staff-format.ts';
import { useDashboard, type DashboardQuery } from './staff-queries.ts';

type Data = RouteOutput<typeof staffRoutes.pay>;
const CHART_ROWS = 30;

function usePayChart(data: Data, format: (v: number) => string) {
  const { t } = useTranslation();
  return useMemo(() => {
    const rows = data.kindergartens
      .filter((k) => k.teacherAnnualFen !== null)
      .sort((a, b) => (a.teacherAnnualFen ?? 0) - (b.teacherAnnualFen ?? 0))
      .slice(0, CHART_ROWS);
    const b = data.benchmarks;
    const references: ReferenceLine[] = [];
    if (b.primaryTeacherAnnualFen !== null)
      references.push({
        value: b.primaryTeacherAnnualFen,
        label: t('staffDashboard.primaryTeacher'),
        color: '#1d4ed8',
      });
    if (b.socialAverageAnnualFen !== null)
      references.push({
        value: b.socialAverageAnnualFen,
        label: t('staffDashboard.socialAverage'),
        color: '#7c3aed',
      });
    return {
      labels: rows.map((r) => r.name),
      datasets: [
        {
          label: t('staffDashboard.teacherPay'),
          data: rows.map((r) => r.teacherAnnualFen ?? 0),
          backgroundColor: rows.map((r) => (r.belowPrimaryTeacher ? '#c2410c' : '#1f7a6d')),
        },
      ],
      references,
      format,
    };
  }, [data, t, format]);
}

function PayView({ data }: { data: Data }) {
  const { t, i18n } = useTranslation();
  const yuan = (fen: number | null) => formatYuan(fen, i18n.language) ?? t('common.none');
  const format = useMemo(() => (v: number) => formatYuan(v, i18n.language) ?? '', [i18n.language]);
  const chart = usePayChart(data, format);
  const below = data.kindergartens.filter((k) => k.belowPrimaryTeacher || k.belowSocialAverage);
  const b = data.benchmarks;
  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>{t('staffDashboard.primaryTeacher')}</dt>
          <dd>
            {b.primaryTeacherAnnualFen === null
              ? t('staffDashboard.notSet')
              : yuan(b.primaryTeacherAnnualFen)}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.socialAverage')}</dt>
          <dd>
            {b.socialAverageAnnualFen === null
              ? t('staffDashboard.notSet')
              : yuan(b.socialAverageAnnualFen)}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.kindergartensBelowPay')}</dt>
          <dd>{below.length}</dd>
        </div>
      </dl>
      <BarChart
        labels={chart.labels}
        datasets={chart.datasets}
        references={chart.references}
        format={format}
        summary={t('staffDashboard.payChartSummary', { count: below.length })}
      />
      <div className="table-wrap">
        <table className="table table-stack" data-testid="pay-below">
          <caption>{t('staffDashboard.payBelowTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staffDashboard.name')}</th>
              <th scope="col">{t('staffDashboard.teacherPay')}</th>
              <th scope="col">{t('staffDashboard.staffPay')}</th>
              <th scope="col">{t('staffDashboard.below')}</th>
            </tr>
          </thead>
          <tbody>
            {below.map((k) => (
              <tr key={k.kindergartenId}>
                <td data-label={t('staffDashboard.name')}>{k.name}</td>
                <td data-label={t('staffDashboard.teacherPay')} className="num">
                  {yuan(k.teacherAnnualFen)}
                </td>
                <td data-label={t('staffDashboard.staffPay')} className="num">
                  {yuan(k.staffAnnualFen)}
                </td>
                <td data-label={t('staffDashboard.below')}>
                  {k.belowPrimaryTeacher && (
                    <Badge tone="warn">{t('staffDashboard.primaryTeacher')}</Badge>
                  )}
                  {k.belowSocialAverage && (
                    <Badge tone="bad">{t('staffDashboard.socialAverage')}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {below.length === 0 && <p className="muted">{t('staffDashboard.noneBelowPay')}</p>}
    </>
  );
}

/** Average teacher pay per kindergarten (monthly pay × 12) against the city's benchmarks. */
export function PaySection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const data = useDashboard(staffRoutes.pay, query);
  return (
    <section className="card print-section" data-testid="pay-dashboard">
      <h2>{t('staffDashboard.payTitle')}</h2>
      <p className="muted small">{t('staffDashboard.payIntro')}</p>
      <QueryState query={data}>{(d) => <PayView data={d} />}</QueryState>
    </section>
  );
}
