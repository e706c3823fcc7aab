import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActor } from '../../hooks/use-actor.ts';

/** Said instead of a player when the role may not watch: why, and what to do instead. */
export function VideoRefusal({ what }: { what: 'live' | 'playback' }) {
  const { t } = useTranslation();
  const actor = useActor();
  const reason = t(`video.refusal.${actor.role}`, { defaultValue: t('video.refusal.other') });
  return (
    <section className="notice-page" data-testid="video-refusal" role="alert">
      <div className="notice-icon" aria-hidden="true">
        ⊘
      </div>
      <h1>{t(`video.refusal.title.${what}`)}</h1>
      <p>{reason}</p>
      <Link className="button" to="/">
        {t('common.backHome')}
      </Link>
    </section>
  );
}
