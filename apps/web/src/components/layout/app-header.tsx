import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useActor } from '../../hooks/use-actor.ts';
import { useSignOut } from '../../hooks/use-session.ts';
import { LanguageSwitch } from './language-switch.tsx';

interface AppHeaderProps {
  menuOpen: boolean;
  onToggleMenu: () => void;
}

export function AppHeader({ menuOpen, onToggleMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const actor = useActor();
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <button
        type="button"
        className="menu-button"
        aria-expanded={menuOpen}
        aria-controls="side-nav"
        onClick={onToggleMenu}
      >
        {menuOpen ? t('header.closeMenu') : t('header.openMenu')}
      </button>
      <Link to="/" className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      <div className="header-tools">
        <div
          className="who"
          data-testid="current-user"
          title={t('header.user', { name: actor.displayName })}
        >
          <span className="who-name">{actor.displayName}</span>
          <span className="who-role" data-testid="current-role">
            {t(`roles.${actor.role}`)}
          </span>
        </div>
        <LanguageSwitch />
        <button
          type="button"
          className="button button-header"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
