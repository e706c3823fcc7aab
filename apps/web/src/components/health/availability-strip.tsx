import { useTranslation } from 'react-i18next';

/** The last 24 h in quarter hours: green recorded, amber partly, red not recorded. */
export function AvailabilityStrip({ slots, since }: { slots: number[]; since: string }) {
  const { t, i18n } = useTranslation();
  const start = Date.parse(since);
  const recorded = slots.length === 0 ? 0 : slots.reduce((a, b) => a + b, 0) / slots.length;
  return (
    <div className="availability">
      <div
        className="availability-strip"
        role="img"
        aria-label={t('health.availabilityLabel', { percent: Math.round(recorded * 100) })}
      >
        {slots.map((share, i) => (
          <span
            key={i}
            className={`slot ${share >= 0.95 ? 'slot-ok' : share > 0 ? 'slot-part' : 'slot-none'}`}
            title={new Date(start + i * 15 * 60_000).toLocaleTimeString(i18n.language, {
              hour: '2-digit',
              minute: '2-digit',
            })}
          />
        ))}
      </div>
      <span className="muted small">
        {t('health.availability', { percent: Math.round(recorded * 100) })}
      </span>
    </div>
  );
}
