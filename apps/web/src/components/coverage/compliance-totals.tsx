import type { ComplianceSummary } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { percent } from './area-coverage-table.tsx';

type Totals = Pick<
  ComplianceSummary,
  'share' | 'keyShare' | 'deadZoneM2' | 'violationCount' | 'requiredM2'
>;

/** The four figures of a compliance report; the key-area goal is 100%. */
export function ComplianceTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const figures = [
    ['share', percent(totals.share)],
    ['keyShare', percent(totals.keyShare)],
    ['deadZoneM2', `${totals.deadZoneM2.toFixed(1)} m²`],
    ['violationCount', String(totals.violationCount)],
  ] as const;
  return (
    <dl className="totals" data-testid="compliance-totals">
      {figures.map(([key, value]) => (
        <div
          key={key}
          className={key === 'keyShare' && (totals.keyShare ?? 1) < 0.9995 ? 'short' : ''}
        >
          <dt>{t(`compliance.total.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
