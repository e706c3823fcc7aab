import { staffRoutes, type RouteOutput } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../ui/query-state.tsx';
import { useDashboard, type DashboardQuery } from './staff-queries.ts';

type Data = RouteOutput<typeof staffRoutes.certificates>;

function CertificateView({ data }: { data: Data }) {
  const { t } = useTranslation();
  const affected = data.byKindergarten.filter((k) => k.expired + k.missing > 0);
  return (
    <>
      <dl className="facts">
        <div className="fact">
          <dt>{t('staffDashboard.teachers')}</dt>
          <dd>{data.teachers}</dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.expired')}</dt>
          <dd data-testid="expired-count">{data.expired}</dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.missing')}</dt>
          <dd>{data.missing}</dd>
        </div>
        <div className="fact">
          <dt>{t('staffDashboard.asOf')}</dt>
          <dd>{data.asOf}</dd>
        </div>
      </dl>
      {affected.length > 0 && (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption>{t('staffDashboard.byKindergarten')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staffDashboard.name')}</th>
                <th scope="col">{t('staffDashboard.expired')}</th>
                <th scope="col">{t('staffDashboard.missing')}</th>
              </tr>
            </thead>
            <tbody>
              {affected.map((k) => (
                <tr key={k.kindergartenId}>
                  <td data-label={t('staffDashboard.name')}>{k.name}</td>
                  <td data-label={t('staffDashboard.expired')} className="num">
                    {k.expired}
                  </td>
                  <td data-label={t('staffDashboard.missing')} className="num">
                    {k.missing}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.people.length > 0 && (
        <details className="print-open" open={data.people.length <= 20}>
          <summary>{t('staffDashboard.people', { count: data.people.length })}</summary>
          <div className="table-wrap">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">{t('staff.name')}</th>
                  <th scope="col">{t('staff.certificateNumber')}</th>
                  <th scope="col">{t('staff.certificateValidUntil')}</th>
                </tr>
              </thead>
              <tbody>
                {data.people.map((p) => (
                  <tr key={p.staffId}>
                    <td data-label={t('staff.name')}>{p.name}</td>
                    <td data-label={t('staff.certificateNumber')}>
                      {p.certificateNumber ?? t('staffDashboard.noCertificate')}
                    </td>
                    <td data-label={t('staff.certificateValidUntil')}>
                      {p.certificateValidUntil ?? t('common.none')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

/** Teachers whose certificate has expired or who have none. */
export function CertificateSection({ query }: { query: DashboardQuery }) {
  const { t } = useTranslation();
  const data = useDashboard(staffRoutes.certificates, query);
  return (
    <section className="card print-section" data-testid="certificate-dashboard">
      <h2>{t('staffDashboard.certificatesTitle')}</h2>
      <QueryState query={data}>{(d) => <CertificateView data={d} />}</QueryState>
    </section>
  );
}
