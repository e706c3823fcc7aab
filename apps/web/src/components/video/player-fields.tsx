import { useTranslation } from 'react-i18next';
import { playbackRates } from './use-player-keys.ts';

/** The playback rate of a player, 0.5× to 8×. */
export function RateField(props: { rate: number; onRate: (rate: number) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('video.rate')}{' '}
      <select value={props.rate} onChange={(e) => props.onRate(Number(e.target.value))}>
        {playbackRates.map((r) => (
          <option key={r} value={r}>
            {r}×
          </option>
        ))}
      </select>
    </label>
  );
}

/** The day whose footage is shown (YYYY-MM-DD in the city's zone). */
export function DayField(props: { day: string; onDay: (day: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{t('video.day')}</span>
      <input
        type="date"
        value={props.day}
        onChange={(e) => e.target.value && props.onDay(e.target.value)}
      />
    </label>
  );
}
