import { useTranslation } from 'react-i18next';

export function PlanLegend() {
  const { t } = useTranslation();
  const items = ['sight', 'band', 'dead', 'privacy', 'advice'] as const;
  return (
    <ul className="plan-legend">
      {items.map((item) => (
        <li key={item}>
          <span className={`swatch swatch-${item}`} aria-hidden="true" />
          {t(`coverage.legend.${item}`)}
        </li>
      ))}
    </ul>
  );
}
