import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { can } from '@gardenwatch/contracts';
import { useActor } from '../../hooks/use-actor.ts';
import { usePermissions } from '../../hooks/use-permissions.ts';
import { staffPermissionsOf } from '../staff/staff-format.ts';
import { videoAccessOf } from '../video/video-access.ts';
import { NoticesNavLink } from '../notices/notices-nav-link.tsx';
import { AlertsNavLink } from '../alerts/alerts-nav-link.tsx';
import { OrgTreeNav } from './org-tree-nav.tsx';

export function SideNav({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const allowed = usePermissions();
  const actor = useActor();
  const staff = staffPermissionsOf(actor);
  return (
    <nav id="side-nav" className={open ? 'side-nav open' : 'side-nav'} aria-label={t('nav.label')}>
      <div className="nav-who">
        <span className="who-name">{actor.displayName}</span>
        <span className="muted small">{t(`roles.${actor.role}`)}</span>
      </div>
      <ul className="nav-links">
        <li>
          <NavLink to="/" end>
            {t('nav.overview')}
          </NavLink>
        </li>
        {videoAccessOf(actor).live && (
          <li>
            <NavLink to="/video">{t('nav.video')}</NavLink>
          </li>
        )}
        {allowed.readUsers && (
          <li>
            <NavLink to="/users">{t('nav.users')}</NavLink>
          </li>
        )}
        {allowed.readAudit && (
          <li>
            <NavLink to="/audit">{t('nav.audit')}</NavLink>
          </li>
        )}
        {staff.readStaff && (
          <li>
            <NavLink to="/staff">{t('nav.staff')}</NavLink>
          </li>
        )}
        {staff.hiringCheck && (
          <li>
            <NavLink to="/hiring-check">{t('nav.hiringCheck')}</NavLink>
          </li>
        )}
        {staff.readDashboards && (
          <li>
            <NavLink to="/staff-dashboards">{t('nav.staffDashboards')}</NavLink>
          </li>
        )}
        <NoticesNavLink />
        {staff.manageBlacklist && (
          <li>
            <NavLink to="/blacklist">{t('nav.blacklist')}</NavLink>
          </li>
        )}
        {(can(actor, 'report.read_district', { kind: 'city' }) ||
          (actor.districtId !== null &&
            can(actor, 'report.read_district', {
              kind: 'district',
              districtId: actor.districtId,
            }))) && (
          <li>
            <NavLink to="/programme">{t('programme.nav')}</NavLink>
          </li>
        )}
        {can(actor, 'gateway.manage', { kind: 'city' }) && (
          <li>
            <NavLink to="/gateway">{t('nav.gateway')}</NavLink>
          </li>
        )}
        {['maintainer', 'principal', 'district_reviewer', 'city_admin'].includes(actor.role) && (
          <li>
            <NavLink to="/work-orders">{t('workOrders.nav')}</NavLink>
          </li>
        )}
        <li>
          <NavLink to="/password">{t('nav.password')}</NavLink>
        </li>
        <AlertsNavLink />
        {(staff.manageBlacklist || actor.role === 'principal') && (
          <li>
            <NavLink to="/gallery">{t('gallery.nav')}</NavLink>
          </li>
        )}
        {['parent', 'principal', 'police', 'district_reviewer'].includes(actor.role) && (
          <li>
            <NavLink to="/requests">{t('requests.nav')}</NavLink>
          </li>
        )}
        {['police', 'district_reviewer'].includes(actor.role) && (
          <li>
            <NavLink to="/police-cases">{t('policeCases.nav')}</NavLink>
          </li>
        )}
      </ul>
      <h2 className="nav-heading">{t('nav.sites')}</h2>
      <OrgTreeNav />
    </nav>
  );
}
