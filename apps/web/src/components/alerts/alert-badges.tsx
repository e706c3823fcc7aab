import type { AlertSeverity, AlertState } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';

const severityTone = { low: 'neutral', medium: 'warn', high: 'bad', severe: 'bad' } as const;
const stateTone = {
  new: 'bad',
  acknowledged: 'warn',
  resolved: 'ok',
  false_alarm: 'neutral',
} as const;

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useTranslation();
  return <Badge tone={severityTone[severity]}>{t(`alerts.severity.${severity}`)}</Badge>;
}

export function StateBadge({ state }: { state: AlertState }) {
  const { t } = useTranslation();
  return <Badge tone={stateTone[state]}>{t(`alerts.state.${state}`)}</Badge>;
}
