import { buildPath, releaseVideoPath } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useRelease, useRevoke } from './request-queries.ts';

/** The released clips: streamed to the applicant; the reviewer sees the state and may revoke. */
export function ReleaseViewer({ requestId, applicant }: { requestId: string; applicant: boolean }) {
  const { t, i18n } = useTranslation();
  const release = useRelease(requestId, true);
  const revoke = useRevoke(requestId);
  const data = release.data;
  if (!data) return <ErrorMessage error={release.error} />;
  return (
    <section className="card" data-testid="release-viewer">
      <h2>{t('requests.release')}</h2>
      <p className="small">
        {data.revokedAt
          ? t('requests.revoked')
          : t('requests.expires', { at: new Date(data.expiresAt).toLocaleString(i18n.language) })}
      </p>
      {!data.viewable && !data.revokedAt && <p className="muted">{t('requests.preparing')}</p>}
      {applicant &&
        data.viewable &&
        data.items.map((item) => (
          <video
            key={item.id}
            className="review-video"
            data-testid="release-video"
            controls
            controlsList={data.allowDownload ? undefined : 'nodownload'}
            onContextMenu={(e) => e.preventDefault()}
            src={buildPath(releaseVideoPath, { id: requestId, itemId: item.id })}
          />
        ))}
      {!applicant && !data.revokedAt && (
        <button type="button" className="button" onClick={() => revoke.mutate()}>
          {t('requests.revoke')}
        </button>
      )}
      <ErrorMessage error={revoke.error} />
    </section>
  );
}
