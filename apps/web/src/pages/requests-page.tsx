import { can, type Resource } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { ApplyForm } from '../components/requests/apply-form.tsx';
import { useRequestList } from '../components/requests/request-queries.ts';
import { RequestList } from '../components/requests/request-list.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { useActor } from '../hooks/use-actor.ts';
import '../components/requests/requests.css';

/** Footage requests: apply and follow one's own; reviewers see their queue by deadline. */
export function RequestsPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const scope: Resource | null =
    actor.kindergartenId && actor.districtId
      ? { kind: 'kindergarten', districtId: actor.districtId, kindergartenId: actor.kindergartenId }
      : null;
  const applies = scope !== null && can(actor, 'footage_request.create', scope);
  const reviews = actor.role === 'district_reviewer' || actor.role === 'police';
  const mine = useRequestList('mine', applies || actor.role === 'police');
  const queue = useRequestList('queue', reviews);
  const overdue = (queue.data?.items ?? []).filter((r) => r.overdue);
  return (
    <div className="page" data-testid="requests-page">
      <header className="page-header">
        <h1>{t('requests.title')}</h1>
        <p>{t('requests.intro')}</p>
      </header>
      {reviews && (
        <section>
          <h2>
            {t('requests.queue')}
            {overdue.length > 0 && (
              <span className="badge-warn">
                {' '}
                {t('requests.overdueCount', { count: overdue.length })}
              </span>
            )}
          </h2>
          <ErrorMessage error={queue.error} />
          <RequestList items={queue.data?.items ?? []} testId="request-queue" />
        </section>
      )}
      {applies && (
        <section>
          <h2>{t('requests.apply')}</h2>
          <ApplyForm />
        </section>
      )}
      {(applies || actor.role === 'police') && (
        <section>
          <h2>{t('requests.mine')}</h2>
          <ErrorMessage error={mine.error} />
          <RequestList items={mine.data?.items ?? []} testId="my-requests" />
        </section>
      )}
    </div>
  );
}
