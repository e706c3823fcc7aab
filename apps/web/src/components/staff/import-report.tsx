import type { ImportReport as Report } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';

type Issue = Report['errors'][number];

function groupByRow(errors: Issue[]): [number, Issue[]][] {
  const rows = new Map<number, Issue[]>();
  for (const issue of errors) rows.set(issue.row, [...(rows.get(issue.row) ?? []), issue]);
  return [...rows.entries()].sort((a, b) => a[0] - b[0]);
}

function Counts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const facts: [string, number][] = [
    [t('staffImport.rowsTotal'), report.rowsTotal],
    [t('staffImport.rowsValid'), report.rowsValid],
    [t('staffImport.rowsWithErrors'), report.rowsTotal - report.rowsValid],
    [report.written ? t('staffImport.created') : t('staffImport.toCreate'), report.created],
    [report.written ? t('staffImport.updated') : t('staffImport.toUpdate'), report.updated],
    [t('staffImport.unchanged'), report.unchanged],
  ];
  return (
    <dl className="facts" data-testid="import-counts">
      {facts.map(([label, value]) => (
        <div className="fact" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a roster file holds: the counts, then every faulty row with each of its errors. */
export function ImportReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const rows = groupByRow(report.errors);
  const nothingChanges = report.created === 0 && report.updated === 0;
  return (
    <section className="card" data-testid="import-report" aria-live="polite">
      <h2>{report.written ? t('staffImport.doneTitle') : t('staffImport.dryRunTitle')}</h2>
      <p className="muted small">
        {t('staffImport.fileFacts', {
          format: report.format.toUpperCase(),
          encoding: report.encoding,
        })}
      </p>
      <Counts report={report} />
      {nothingChanges && report.rowsValid > 0 && (
        <p className="alert alert-ok" data-testid="import-nothing-changes">
          {t('staffImport.nothingChanges')}
        </p>
      )}
      {report.pendingCheckRows.length > 0 && (
        <p className="alert alert-warn">
          {t('staffImport.pendingCheck', { rows: report.pendingCheckRows.join(', ') })}
        </p>
      )}
      {report.employedElsewhereRows.length > 0 && (
        <p className="alert alert-warn">
          {t('staffImport.employedElsewhere', { rows: report.employedElsewhereRows.join(', ') })}
        </p>
      )}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table table-stack" data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col">{t('staffImport.row')}</th>
                <th scope="col">{t('staffImport.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([row, issues]) => (
                <tr key={row} data-testid="import-error-row">
                  <td data-label={t('staffImport.row')}>{row}</td>
                  <td data-label={t('staffImport.errors')}>
                    <ul className="issue-list">
                      {issues.map((issue, i) => (
                        <li key={i}>
                          <Badge tone="bad">{t(`staffImport.codes.${issue.code}`)}</Badge>{' '}
                          {issue.column && <code>{issue.column}</code>}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
