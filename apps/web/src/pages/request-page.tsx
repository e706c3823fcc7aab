import { footageStatusSchema } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AttachmentsCard } from '../components/requests/attachments-card.tsx';
import { ReleaseViewer } from '../components/requests/release-viewer.tsx';
import { useFootageRequest } from '../components/requests/request-queries.ts';
import { ReviewPanel } from '../components/requests/review-panel.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { useActor } from '../hooks/use-actor.ts';
import '../components/requests/requests.css';

/** One request: its status at every step; the review for its reviewer; the release. */
export function RequestPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const actor = useActor();
  const request = useFootageRequest(id);
  const r = request.data;
  if (!r) return <ErrorMessage error={request.error} />;
  const applicant = r.applicantId === actor.id;
  const reviewer =
    !applicant &&
    (r.routedTo === 'police' ? actor.role === 'police' : actor.role === 'district_reviewer');
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <div className="page" data-testid="request-page">
      <header className="page-header">
        <h1>{t('requests.heading', { number: r.number })}</h1>
        <p>
          {t(`requests.reasons.${r.reason}`)} · {when(r.from)} – {when(r.to)}
        </p>
      </header>
      <section className="card">
        <p data-testid="request-status">
          <strong>{t(`requests.statuses.${r.status}`)}</strong>
          {r.overdue && <strong className="badge-warn"> {t('requests.overdue')}</strong>}
        </p>
        <p>{r.description}</p>
        {r.rejectionReason && <p>{t('requests.rejectedBecause', { reason: r.rejectionReason })}</p>}
        {r.onSiteAt && <p>{t('requests.onSiteOffer', { at: when(r.onSiteAt) })}</p>}
        <ol className="history">
          {r.history.map((h) => (
            <li key={`${h.status}-${h.at}`}>
              {t(`requests.statuses.${footageStatusSchema.catch('pending').parse(h.status)}`)} ·{' '}
              {when(h.at)}
            </li>
          ))}
        </ol>
        <p className="muted small">{t('requests.dueAt', { at: when(r.dueAt) })}</p>
      </section>
      <AttachmentsCard request={r} mayAdd={applicant && r.status === 'pending'} />
      {reviewer && r.status === 'pending' && <ReviewPanel requestId={r.id} />}
      {(r.status === 'released' || r.status === 'closed') && (applicant || reviewer) && (
        <ReleaseViewer requestId={r.id} applicant={applicant} />
      )}
    </div>
  );
}
