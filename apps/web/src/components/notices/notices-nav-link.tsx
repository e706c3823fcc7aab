import { can, type Actor, type Resource } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useActor } from '../../hooks/use-actor.ts';
import { useNotices } from './notice-queries.ts';

export const ownScope = (actor: Actor): Resource => {
  if (actor.kindergartenId && actor.districtId)
    return {
      kind: 'kindergarten',
      districtId: actor.districtId,
      kindergartenId: actor.kindergartenId,
    };
  if (actor.districtId) return { kind: 'district', districtId: actor.districtId };
  return { kind: 'city' };
};

/** The notices link with the number of unacknowledged notices, for roles that receive them. */
export function NoticesNavLink() {
  const { t } = useTranslation();
  const actor = useActor();
  const allowed = can(actor, 'notice.screening_hit', ownScope(actor));
  const notices = useNotices(allowed);
  if (!allowed) return null;
  const open = (notices.data?.items ?? []).filter((n) => !n.acknowledgedAt).length;
  return (
    <li>
      <NavLink to="/notices">
        {t('notices.nav')}
        {open > 0 && (
          <span className="badge" aria-label={t('notices.unread', { count: open })}>
            {' '}
            {open}
          </span>
        )}
      </NavLink>
    </li>
  );
}
