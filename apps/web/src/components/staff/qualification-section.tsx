import { staffRoutes } from '@gardenwatch/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { BarChart } from './bar-chart.tsx';
import { formatShare } from './staff-format.ts';
import { useDashboard, type DashboardQuery } from './staff-queries.ts';
import type { RouteOutput } from '@gardenwatch/contracts';

type Data = RouteOutput<typeof staffRoutes.qualifications>;
interface ShareRow {
  key: string;
  name: string;
  teachers: number;
  qualified: number;
  share: number | null;
  belowTarget: boolean;
}

/** Bars for at most this many kindergartens, the lowest shares first; the table has them all. */
const CHART_ROWS = 30;
const ok = '#1f7a6d';
const bad = '#c2410c';

function ShareTable({ title, rows, testId }: { title: string; rows: ShareRow[]; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table-stack" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staffDashboard.name')}</th>
            <th scope="col">{t('staffDashboard.teachers')}</th>
            <th scope="col">{t('staffDashboard.qualified')}</th>
            <th scope="col">{t('staffDashboard.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.belowTarget ? 'row-below' : undefined}>
              <td data-label={t('staffDashboard.name')}>{row.name}</td>
              <td data-label={t('staffDashboard.teachers')} className="num">
                {row.teachers}
              </td>
              <td data-label={t('staffDashboard.qualified')} className="num">
                {row.qualified}
              </td>
              <td data-label={t('staffDashboard.share')} className="num">
                {formatShare(row.share, i18n.language) ?? t('common.none')}{' '}
                {row.belowTarget && <Badge tone="bad">{t('staffDashboard.belowTarget')}</Badge>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QualificationView({ data }: { data: Data }) {
  const { t, i18n } = useTranslation();
  const format = useMemo(() => (v: number) => formatShare(v, i18n.language) ?? '', [i18n.language]);
  const kgRows = data.byKindergarten.map((k) => ({ ...k, key: k.kindergartenId }));
  const below = kgRows.filter((k) => k.belowTarget);
  const chart = useMemo(() => {
    const rows = [...data.byKindergarten]
      .filter((k) => k.share !== null)
      .sort((a, b) => (a.share ?? 0) - (b.share ?? 0))
      .slice(0, CHART_ROWS);
    return {
      labels: rows.map((r) => r.name),
      datasets: [
        {
          label: t('staffDashboard.share'),
          data: rows.map((r) => r.share ?? 0),
          backgroundColor: rows.map((r) => (r.belowTarget ? bad : ok)),
        },
      ],
      references: [
        {
          value: data.target,
          label: t('staffDashboard.targetLine', { share: format(data.target) }),
          color: '#17212f',
        },
      ],
    };
  }, [data, t, format]);

  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>{t('staffDashboard.cityShare')}</dt>
          <dd data-testid="total-share">{format(data.total.share ?? 0)}</dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.target', { year: data.year })}</dt>
          <dd>{format(data.target)}</dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.teachers')}</dt>
          <dd>{data.total.teachers}</dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.kindergartensBelow')}</dt>
          <dd>{below.length}</dd>
        </div>
      </dl>
      <BarChart
        labels={chart.labels}
        datasets={chart.datasets}
        references={chart.references}
        format={format}
        max={1}
        summary={t('staffDashboard.shareChartSummary', { count: below.length })}
      />
      {below.length > 0 ? (
        <div className="alert alert-warn" data-testid="below-target-list">
          <strong>{t('staffDashboard.belowTargetList')}</strong>
          <ul>
            {below.map((k) => (
              <li key={k.key}>
                {k.name} — {format(k.share ?? 0)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="alert alert-ok">{t('staffDashboard.noneBelow')}</p>
      )}
      <ShareTable
        title={t('staffDashboard.byDistrict')}
        rows={data.byDistrict.map((d) => ({ ...d, key: d.districtId }))}
        testId="share-by-district"
      />
      <ShareTable
        title={t('staffDashboard.byType')}
        rows={data.byType.map((d) => ({
          ...d,
          key: d.type,
          name: t(`kindergartenTypes.${d.type}`, d.type),
        }))}
        testId="share-by-type"
      />
      <ShareTable
        title={t('staffDashboard.byKindergarten')}
        rows={kgRows}
        testId="share-by-kindergarten"
      />
    </>
  );
}

/** Share of teachers with an associate college education or above, against the year's target. */
export function QualificationSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const data = useDashboard(staffRoutes.qualifications, query);
  return (
    <section className="card print-section" data-testid="qualification-dashboard">
      <h2>{t('staffDashboard.qualificationsTitle')}</h2>
      <QueryState query={data}>{(d) => <QualificationView data={d} />}</QueryState>
    </section>
  );
}
