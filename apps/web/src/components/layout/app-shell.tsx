import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ActorContext } from '../../hooks/use-actor.ts';
import { useSession } from '../../hooks/use-session.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Loading } from '../ui/loading.tsx';
import { AppHeader } from './app-header.tsx';
import { SideNav } from './side-nav.tsx';

/**
 * The signed-in console: header, navigation (a drawer at phone width) and the page. Without a
 * session it sends the browser to sign in; a user who must change the password goes there first.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useEffect(() => {
    if (!menuOpen) return;

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  if (session.error) return <ErrorMessage error={session.error} />;
  if (session.data === undefined) return <Loading />;
  if (session.data === null) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  if (session.data.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }

  return (
    <ActorContext.Provider value={session.data.actor}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <div className="app">
        <AppHeader menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
        <div className="app-body">
          <SideNav open={menuOpen} />
          {menuOpen && (
            <div className="scrim" aria-hidden="true" onClick={() => setMenuOpen(false)} />
          )}
          <main id="main" className="app-main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </ActorContext.Provider>
  );
}
