import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAcknowledgeNotice, useNotices } from '../components/notices/notice-queries.ts';

/** Notices of blacklist hits: where a check or re-screening hit, never why. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const notices = useNotices(true);
  const acknowledge = useAcknowledgeNotice();
  const items = notices.data?.items ?? [];
  return (
    <div className="page page-narrow" data-testid="notices-page">
      <header className="page-header">
        <h1>{t('notices.title')}</h1>
        <p>{t('notices.intro')}</p>
      </header>
      {notices.isError && <p role="alert">{t('notices.loadFailed')}</p>}
      {notices.isSuccess && items.length === 0 && <p className="muted">{t('notices.none')}</p>}
      <ul className="notice-list">
        {items.map((n) => (
          <li key={n.id} data-testid="notice">
            <strong>{t(`notices.kind.${n.kind}`)}</strong>{' '}
            <span className="muted small">
              {new Date(n.createdAt).toLocaleString(i18n.language)}
            </span>{' '}
            <Link to={`/kindergartens/${n.kindergartenId}`}>{t('notices.kindergarten')}</Link>
            {n.staffId && (
              <>
                {' '}
                <Link to="/staff">{t('notices.staffRecord')}</Link>
              </>
            )}{' '}
            {n.acknowledgedAt ? (
              <span className="muted small">{t('notices.acknowledged')}</span>
            ) : (
              <button
                type="button"
                disabled={acknowledge.isPending}
                onClick={() => acknowledge.mutate(n.id)}
              >
                {t('notices.acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
