import type { DistrictCompliance } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { percent } from '../components/coverage/area-coverage-table.tsx';
import { ComplianceTotals } from '../components/coverage/compliance-totals.tsx';
import { useDistrictCompliance } from '../components/coverage/coverage-queries.ts';
import { QueryState } from '../components/ui/query-state.tsx';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/coverage/coverage.css';

function Report({ report }: { report: DistrictCompliance }) {
  const { t } = useTranslation();
  return (
    <div className="page report" data-testid="district-compliance-report">
      <header className="page-header">
        <p className="breadcrumb no-print">
          <Link to={`/districts/${report.districtId}`}>{report.name}</Link>
        </p>
        <h1>{t('compliance.districtTitle', { name: report.name })}</h1>
        <p className="muted">
          {t('compliance.computedAt', { time: formatDateTime(report.computedAt, cityTimeZone) })}
        </p>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t('compliance.print')}
        </button>
      </header>
      <ComplianceTotals totals={report} />
      <div className="table-scroll">
        <table className="table" data-testid="district-kindergartens">
          <thead>
            <tr>
              <th>{t('compliance.kindergarten')}</th>
              <th className="num">{t('compliance.total.share')}</th>
              <th className="num">{t('compliance.total.keyShare')}</th>
              <th className="num">{t('compliance.total.deadZoneM2')}</th>
              <th className="num">{t('compliance.total.violationCount')}</th>
              <th className="num">{t('compliance.plannedFloors')}</th>
            </tr>
          </thead>
          <tbody>
            {report.kindergartens.map((k) => (
              <tr key={k.kindergartenId}>
                <td>
                  <Link to={`/kindergartens/${k.kindergartenId}/compliance`}>{k.name}</Link>
                </td>
                <td className="num">{percent(k.share)}</td>
                <td className="num">{percent(k.keyShare)}</td>
                <td className="num">{k.deadZoneM2.toFixed(1)}</td>
                <td className="num">{k.violationCount}</td>
                <td className="num">
                  {k.plannedFloors}/{k.floors}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function DistrictCompliancePage() {
  const { id = '' } = useParams();
  const query = useDistrictCompliance(id);
  return <QueryState query={query}>{(report) => <Report report={report} />}</QueryState>;
}
