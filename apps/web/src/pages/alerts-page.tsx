import {
  alertSeveritySchema,
  alertStateSchema,
  type AlertSeverity,
  type AlertState,
} from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SeverityBadge, StateBadge } from '../components/alerts/alert-badges.tsx';
import { useAlerts, type AlertFilter } from '../components/alerts/alert-queries.ts';
import { RulePrecisionTable } from '../components/alerts/rule-precision-table.tsx';
import { Field } from '../components/ui/field.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/alerts/alerts.css';

/** The alert inbox: newest first, filtered by state and severity, refreshed live. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AlertFilter>({ state: 'new' });
  const alerts = useAlerts(filter);
  return (
    <div className="page" data-testid="alerts-page">
      <header className="page-header">
        <h1>{t('alerts.title')}</h1>
        <p className="muted">{t('alerts.intro')}</p>
      </header>
      <section className="card">
        <div className="alert-filters">
          <Field label={t('alerts.filter.state')}>
            <select
              value={filter.state ?? ''}
              onChange={(e) =>
                setFilter((f) => ({ ...f, state: (e.target.value || undefined) as AlertState }))
              }
            >
              <option value="">{t('alerts.filter.any')}</option>
              {alertStateSchema.options.map((s) => (
                <option key={s} value={s}>
                  {t(`alerts.state.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('alerts.filter.severity')}>
            <select
              value={filter.severity ?? ''}
              onChange={(e) =>
                setFilter((f) => ({
                  ...f,
                  severity: (e.target.value || undefined) as AlertSeverity,
                }))
              }
            >
              <option value="">{t('alerts.filter.any')}</option>
              {alertSeveritySchema.options.map((s) => (
                <option key={s} value={s}>
                  {t(`alerts.severity.${s}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <QueryState query={alerts}>
          {({ items }) =>
            items.length === 0 ? (
              <p className="muted">{t('alerts.none')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('alerts.columns.at')}</th>
                      <th>{t('alerts.columns.rule')}</th>
                      <th>{t('alerts.columns.severity')}</th>
                      <th>{t('alerts.columns.state')}</th>
                      <th>{t('alerts.columns.escalation')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((a) => (
                      <tr key={a.id} data-testid="alert-row">
                        <td>
                          <Link to={`/alerts/${a.id}`}>{formatDateTime(a.at, cityTimeZone)}</Link>
                        </td>
                        <td>{t(`alerts.rule.${a.rule}`)}</td>
                        <td>
                          <SeverityBadge severity={a.severity} />
                        </td>
                        <td>
                          <StateBadge state={a.state} />
                        </td>
                        <td>{t(`alerts.escalation.${a.escalation}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </QueryState>
      </section>
      <RulePrecisionTable />
    </div>
  );
}
