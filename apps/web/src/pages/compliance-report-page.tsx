import type { KindergartenCompliance } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AreaCoverageTable, percent } from '../components/coverage/area-coverage-table.tsx';
import { useKindergartenCompliance } from '../components/coverage/coverage-queries.ts';
import { ComplianceTotals } from '../components/coverage/compliance-totals.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/coverage/coverage.css';

function Report({ report }: { report: KindergartenCompliance }) {
  const { t } = useTranslation();
  return (
    <div className="page report" data-testid="compliance-report">
      <header className="page-header">
        <p className="breadcrumb no-print">
          <Link to={`/kindergartens/${report.kindergartenId}`}>{report.name}</Link>
        </p>
        <h1>{t('compliance.title', { name: report.name })}</h1>
        <p className="muted">
          {report.districtName} ·{' '}
          {t('compliance.computedAt', { time: formatDateTime(report.computedAt, cityTimeZone) })}
        </p>
        <button type="button" className="button no-print" onClick={() => window.print()}>
          {t('compliance.print')}
        </button>
      </header>
      <ComplianceTotals totals={report} />
      <h2 className="section-title">{t('compliance.floors')}</h2>
      <ul className="floor-list">
        {report.floors.map((f) => (
          <li key={f.floorId}>
            <Link to={`/floors/${f.floorId}/plan`}>{f.name}</Link>{' '}
            {!f.planned && <span className="badge badge-warn">{t('compliance.unplanned')}</span>}
            {f.error && <span className="error-text">{f.error}</span>}
          </li>
        ))}
      </ul>
      <h2 className="section-title">{t('compliance.deadZones')}</h2>
      {report.deadZones.length === 0 ? (
        <p className="muted">{t('compliance.noDeadZones')}</p>
      ) : (
        <table className="table" data-testid="dead-zone-table">
          <thead>
            <tr>
              <th>{t('coverage.area')}</th>
              <th className="num">{t('compliance.m2')}</th>
            </tr>
          </thead>
          <tbody>
            {report.deadZones.map((z, i) => (
              <tr key={i}>
                <td>{z.areaName}</td>
                <td className="num">{z.areaM2.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 className="section-title">{t('compliance.violations')}</h2>
      {report.violations.length === 0 ? (
        <p className="muted">{t('compliance.noViolations')}</p>
      ) : (
        <ul>
          {report.violations.map((v, i) => (
            <li key={i}>
              {t('compliance.violation', {
                camera: v.cameraName,
                area: v.areaName,
                m2: v.overlapM2.toFixed(2),
              })}
            </li>
          ))}
        </ul>
      )}
      <h2 className="section-title">{t('compliance.areas')}</h2>
      <AreaCoverageTable areas={report.areas} />
      <p className="muted small">{t('compliance.keyShare', { share: percent(report.keyShare) })}</p>
    </div>
  );
}

export function ComplianceReportPage() {
  const { id = '' } = useParams();
  const query = useKindergartenCompliance(id);
  return <QueryState query={query}>{(report) => <Report report={report} />}</QueryState>;
}
