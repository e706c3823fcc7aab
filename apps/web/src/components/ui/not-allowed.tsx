import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActor } from '../../hooks/use-actor.ts';

/** Where a role may not go: said plainly, with a way back. */
export function NotAllowed() {
  const { t } = useTranslation();
  const actor = useActor();
  return (
    <section className="notice-page" data-testid="not-allowed">
      <div className="notice-icon" aria-hidden="true">
        ⊘
      </div>
      <h1>{t('errors.notAllowedTitle')}</h1>
      <p>{t('errors.notAllowedBody', { role: t(`roles.${actor.role}`) })}</p>
      <Link className="button" to="/">
        {t('common.backHome')}
      </Link>
    </section>
  );
}
