import { buildPath, redactionSourcePath, type RedactionItem } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/error-message.tsx';
import { DecisionForm } from './decision-form.tsx';
import { useRedaction, useSetUnmasked, useStartRedaction } from './request-queries.ts';

/** The reviewer's page: find the faces, watch each clip, unmask chosen tracks, decide. */
export function ReviewPanel({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const redaction = useRedaction(requestId, true);
  const start = useStartRedaction(requestId);
  const items = redaction.data?.items ?? [];
  const ready = items.length > 0 && items.every((i) => i.status === 'ready');
  return (
    <section className="card" data-testid="review-panel">
      <h2>{t('requests.review')}</h2>
      {items.length === 0 && (
        <button
          type="button"
          className="button"
          onClick={() => start.mutate()}
          disabled={start.isPending}
        >
          {t('requests.findFaces')}
        </button>
      )}
      <ErrorMessage error={start.error ?? redaction.error} />
      {items.map((item) => (
        <RedactionItemView key={item.id} requestId={requestId} item={item} />
      ))}
      <DecisionForm requestId={requestId} canRelease={ready} />
    </section>
  );
}

function RedactionItemView({ requestId, item }: { requestId: string; item: RedactionItem }) {
  const { t } = useTranslation();
  const unmask = useSetUnmasked(requestId);
  const fps = item.video?.fps ?? 25;
  const toggle = (trackId: number) => {
    const next = item.unmasked.includes(trackId)
      ? item.unmasked.filter((id) => id !== trackId)
      : [...item.unmasked, trackId];
    unmask.mutate({ itemId: item.id, trackIds: next });
  };
  return (
    <div className="redaction-item" data-testid="redaction-item">
      <p>
        <strong>{t(`requests.jobs.${item.status}`)}</strong>{' '}
        {(item.status === 'detecting' || item.status === 'rendering') && (
          <progress max={1} value={item.progress} aria-label={t('requests.progress')} />
        )}
      </p>
      {item.status !== 'detecting' && (
        <video
          className="review-video"
          controls
          preload="metadata"
          src={buildPath(redactionSourcePath, { id: requestId, itemId: item.id })}
        />
      )}
      {item.status === 'ready' && (
        <fieldset>
          <legend>{t('requests.tracks', { count: item.tracks.length })}</legend>
          <p className="muted small">{t('requests.tracksHint')}</p>
          {item.tracks.map((track) => (
            <label key={track.id} className="check" data-testid="track">
              <input
                type="checkbox"
                checked={item.unmasked.includes(track.id)}
                onChange={() => toggle(track.id)}
              />{' '}
              {t('requests.track', {
                id: track.id,
                from: (track.samples[0]!.frame / fps).toFixed(1),
                to: (track.samples.at(-1)!.frame / fps).toFixed(1),
              })}{' '}
              {item.unmasked.includes(track.id) ? t('requests.shown') : t('requests.blurred')}
            </label>
          ))}
        </fieldset>
      )}
      {item.faceCheck && (
        <p className="small">
          {t('requests.check', {
            frames: item.faceCheck.framesChecked,
            outside: item.faceCheck.facesOutsideUnmasked,
          })}
        </p>
      )}
      {item.error && <p role="alert">{item.error}</p>}
      <ErrorMessage error={unmask.error} />
    </div>
  );
}
