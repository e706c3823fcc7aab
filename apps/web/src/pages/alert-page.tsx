import type { Alert } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AlertActions } from '../components/alerts/alert-actions.tsx';
import { SeverityBadge, StateBadge } from '../components/alerts/alert-badges.tsx';
import { AlertClip } from '../components/alerts/alert-clip.tsx';
import { useAlert } from '../components/alerts/alert-queries.ts';
import { QueryState } from '../components/ui/query-state.tsx';
import { videoAccessOf } from '../components/video/video-access.ts';
import { useActor } from '../hooks/use-actor.ts';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/alerts/alerts.css';

/** One alert: its evidence (snapshot with skeletons, the held clip), its notes, the actions. */
export function AlertPage() {
  const { id = '' } = useParams();
  const alert = useAlert(id);
  return <QueryState query={alert}>{({ alert: a }) => <AlertView alert={a} />}</QueryState>;
}

function AlertView({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const mayWatch = videoAccessOf(useActor()).playback;
  const when = (iso: string) => formatDateTime(iso, cityTimeZone);
  return (
    <div className="page" data-testid="alert-page">
      <header className="page-header">
        <p>
          <Link to="/alerts">{t('alerts.page.back')}</Link>
        </p>
        <h1>{t(`alerts.rule.${alert.rule}`)}</h1>
        <p className="alert-summary">
          <SeverityBadge severity={alert.severity} /> <StateBadge state={alert.state} />{' '}
          <span className="muted">{when(alert.at)}</span>{' '}
          <span className="muted">
            {t('alerts.page.escalatedTo', { who: t(`alerts.escalation.${alert.escalation}`) })}
          </span>
          {alert.policeNotified && (
            <span className="badge badge-key">{t('alerts.page.police')}</span>
          )}
          {alert.repeatCount > 0 && (
            <span className="muted"> {t('alerts.page.repeats', { count: alert.repeatCount })}</span>
          )}
        </p>
      </header>
      <div className="alert-evidence">
        <section className="card">
          <h2>{t('alerts.page.snapshot')}</h2>
          {alert.hasSnapshot && mayWatch ? (
            <img
              className="alert-snapshot"
              src={`/api/alerts/${alert.id}/snapshot.jpg`}
              alt={t('alerts.page.snapshotAlt')}
              data-testid="alert-snapshot"
            />
          ) : (
            <p className="muted">{t('alerts.page.noSnapshot')}</p>
          )}
          <p className="muted small">{t('alerts.page.legend')}</p>
        </section>
        <section className="card">
          <h2>{t('alerts.page.clip')}</h2>
          {alert.clip && alert.cameraId && mayWatch ? (
            <AlertClip cameraId={alert.cameraId} from={alert.clip.from} to={alert.clip.to} />
          ) : (
            <p className="muted">{t('alerts.page.noClip')}</p>
          )}
          {alert.cameraId && mayWatch && (
            <Link to={`/video/cameras/${alert.cameraId}/playback`}>
              {t('alerts.page.playback')}
            </Link>
          )}
        </section>
      </div>
      <section className="card">
        <h2>{t('alerts.page.evidence')}</h2>
        <dl className="alert-evidence-list">
          {Object.entries(alert.evidence).map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{typeof value === 'number' ? value.toFixed(2) : value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card">
        <h2>{t('alerts.page.notes')}</h2>
        {alert.notes.length === 0 ? (
          <p className="muted">{t('alerts.page.noNotes')}</p>
        ) : (
          <ol className="alert-notes">
            {alert.notes.map((n) => (
              <li key={n.at}>
                <StateBadge state={n.state} /> <span className="muted small">{when(n.at)}</span>{' '}
                {n.note}
              </li>
            ))}
          </ol>
        )}
      </section>
      <AlertActions alert={alert} />
    </div>
  );
}
