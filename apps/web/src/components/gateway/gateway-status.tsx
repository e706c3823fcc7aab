import type { GatewayState } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { cityTimeZone, formatDateTime } from '../../lib/time.ts';
import { Badge } from '../ui/badge.tsx';

const tones = {
  registered: 'ok',
  registering: 'warn',
  idle: 'neutral',
  disabled: 'neutral',
  failed: 'bad',
} as const;

/** Registration with the police platform and the media sessions it holds now. */
export function GatewayStatus({ state }: { state: GatewayState }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('gateway.status')} data-testid="gateway-status">
      <h2>{t('gateway.status')}</h2>
      <p>
        <Badge tone={tones[state.registration]}>
          {t(`gateway.registration.${state.registration}`)}
        </Badge>{' '}
        {state.registeredAt && (
          <span className="muted">
            {t('gateway.registeredAt', {
              time: formatDateTime(state.registeredAt, cityTimeZone),
            })}
          </span>
        )}
      </p>
      {state.lastError && <p className="field-error">{state.lastError}</p>}
      <p>{t('gateway.channels', { count: state.channels })}</p>
      <h3>{t('gateway.sessions')}</h3>
      {state.sessions.length === 0 ? (
        <p className="muted">{t('gateway.noSessions')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('gateway.channel')}</th>
              <th>{t('gateway.kind')}</th>
              <th>{t('gateway.destination')}</th>
              <th>{t('gateway.startedAt')}</th>
              <th>{t('gateway.frames')}</th>
            </tr>
          </thead>
          <tbody>
            {state.sessions.map((session) => (
              <tr key={session.id}>
                <td data-label={t('gateway.channel')}>{session.channelId}</td>
                <td data-label={t('gateway.kind')}>
                  {t(`gateway.kinds.${session.kind}`)} · {session.transport.toUpperCase()}
                </td>
                <td data-label={t('gateway.destination')}>{session.destination}</td>
                <td data-label={t('gateway.startedAt')} className="nowrap">
                  {formatDateTime(session.startedAt, cityTimeZone)}
                </td>
                <td data-label={t('gateway.frames')}>{session.frames}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
