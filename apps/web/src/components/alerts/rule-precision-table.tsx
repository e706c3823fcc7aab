import { can } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActor } from '../../hooks/use-actor.ts';
import { useOrgNames } from '../../hooks/use-org-names.ts';
import { ownScope } from '../notices/notices-nav-link.tsx';
import { useRulePrecision } from './alert-queries.ts';

/** Per rule and kindergarten: alerts confirmed against false alarms, for administrators. */
export function RulePrecisionTable() {
  const { t } = useTranslation();
  const actor = useActor();
  const allowed = can(actor, 'report.read', ownScope(actor));
  const precision = useRulePrecision(allowed);
  const { nameOf } = useOrgNames();
  if (!allowed) return null;
  const items = precision.data?.items ?? [];
  return (
    <section className="card" data-testid="rule-precision">
      <h2>{t('alerts.precision.title')}</h2>
      <p className="muted small">{t('alerts.precision.intro')}</p>
      {precision.isSuccess && items.length === 0 && (
        <p className="muted">{t('alerts.precision.none')}</p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('alerts.columns.rule')}</th>
                <th>{t('alerts.precision.kindergarten')}</th>
                <th className="num">{t('alerts.precision.confirmed')}</th>
                <th className="num">{t('alerts.precision.falseAlarms')}</th>
                <th className="num">{t('alerts.precision.open')}</th>
                <th className="num">{t('alerts.precision.precision')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={`${p.kindergartenId}-${p.rule}`}>
                  <td>{t(`alerts.rule.${p.rule}`)}</td>
                  <td>
                    <Link to={`/kindergartens/${p.kindergartenId}`}>
                      {nameOf(p.kindergartenId)}
                    </Link>
                  </td>
                  <td className="num">{p.confirmed}</td>
                  <td className="num">{p.falseAlarms}</td>
                  <td className="num">{p.open}</td>
                  <td className="num">
                    {p.precision === null ? '–' : `${Math.round(p.precision * 100)}%`}
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
