import { can } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useActor } from '../../hooks/use-actor.ts';
import { ownScope } from '../notices/notices-nav-link.tsx';
import { useAlerts } from './alert-queries.ts';
import { useAlertStream } from './use-alert-stream.ts';

/**
 * The alert inbox link with the number of new alerts. It also keeps the live connection open
 * on every page, so that an alert sounds wherever the user is.
 */
export function AlertsNavLink() {
  const { t } = useTranslation();
  const actor = useActor();
  const allowed = can(actor, 'alert.read', ownScope(actor));
  useAlertStream(allowed);
  const open = useAlerts({ state: 'new' }, allowed);
  if (!allowed) return null;
  const count = open.data?.items.length ?? 0;
  return (
    <li>
      <NavLink to="/alerts">
        {t('alerts.nav')}
        {count > 0 && (
          <span className="badge badge-bad" aria-label={t('alerts.unread', { count })}>
            {count}
          </span>
        )}
      </NavLink>
    </li>
  );
}
