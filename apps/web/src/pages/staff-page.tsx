import { staffRoles, staffStatuses, staffRoutes, type StaffRole } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { KindergartenPicker } from '../components/staff/kindergarten-picker.tsx';
import { StaffForm } from '../components/staff/staff-form.tsx';
import { staffPermissionsOf } from '../components/staff/staff-format.ts';
import { StaffGuard } from '../components/staff/staff-guard.tsx';
import {
  staffPageSize,
  useStaffList,
  type StaffFilter,
} from '../components/staff/staff-queries.ts';
import { StaffTable } from '../components/staff/staff-table.tsx';
import { Field } from '../components/ui/field.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { ToggleForm } from '../components/ui/toggle-form.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { useOrgNames } from '../hooks/use-org-names.ts';
import '../components/staff/staff.css';

type Status = (typeof staffStatuses)[number];

function StaffFilters({
  filter,
  onChange,
}: {
  filter: StaffFilter;
  onChange: (f: StaffFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="filter-row">
      <Field label={t('staff.status')}>
        <select
          name="status"
          value={filter.status ?? ''}
          onChange={(e) =>
            onChange({
              ...filter,
              status: e.target.value === '' ? undefined : (e.target.value as Status),
              offset: 0,
            })
          }
        >
          <option value="">{t('staff.allStatuses')}</option>
          {staffStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`staff.statuses.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('staff.role')}>
        <select
          name="role"
          value={filter.role ?? ''}
          onChange={(e) =>
            onChange({
              ...filter,
              role: e.target.value === '' ? undefined : (e.target.value as StaffRole),
              offset: 0,
            })
          }
        >
          <option value="">{t('staff.allRoles')}</option>
          {staffRoles.map((r) => (
            <option key={r} value={r}>
              {t(`staff.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

function StaffRegistry({ kindergartenId }: { kindergartenId: string }) {
  const { t } = useTranslation();
  const actor = useActor();
  const org = useOrgNames();
  const [filter, setFilter] = useState<StaffFilter>({ kindergartenId, offset: 0 });
  const list = useStaffList(filter);
  const districtId = org.kindergartens.find((k) => k.id === kindergartenId)?.districtId ?? '';
  const canManage = staffPermissionsOf(actor).manageStaff(districtId, kindergartenId);
  const total = list.data?.total ?? 0;
  const offset = filter.offset;
  const exportHref = `${staffRoutes.export.path}?kindergartenId=${encodeURIComponent(kindergartenId)}`;

  return (
    <div className="page" data-testid="staff-page">
      <header className="page-header">
        <h1>{t('staff.title')}</h1>
        <p className="muted">{org.nameOf(kindergartenId)}</p>
        <div className="page-actions">
          {canManage && (
            <Link className="button" to={`/staff/${kindergartenId}/import`}>
              {t('staff.importRoster')}
            </Link>
          )}
          <a className="button button-quiet" href={exportHref} download>
            {t('staff.export')}
          </a>
        </div>
      </header>
      {canManage && (
        <ToggleForm label={t('staff.add')} className="button button-primary">
          {(close) => <StaffForm kindergartenId={kindergartenId} onDone={close} />}
        </ToggleForm>
      )}
      <section className="card">
        <StaffFilters filter={filter} onChange={setFilter} />
        <QueryState query={list}>
          {(data) => <StaffTable staff={data.items} canManage={canManage} />}
        </QueryState>
        <nav className="pager" aria-label={t('staff.title')}>
          <button
            type="button"
            className="button button-quiet"
            disabled={offset === 0}
            onClick={() =>
              setFilter((f) => ({ ...f, offset: Math.max(0, offset - staffPageSize) }))
            }
          >
            {t('common.previousPage')}
          </button>
          <span className="muted">{t('staff.total', { count: total })}</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={offset + staffPageSize >= total}
            onClick={() => setFilter((f) => ({ ...f, offset: offset + staffPageSize }))}
          >
            {t('common.nextPage')}
          </button>
        </nav>
      </section>
    </div>
  );
}

/** Staff of one kindergarten; a principal lands on their own, others pick one. */
export function StaffPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { kindergartenId = actor.kindergartenId ?? '' } = useParams();
  return (
    <StaffGuard need="readStaff">
      {kindergartenId === '' ? (
        <div className="page">
          <header className="page-header">
            <h1>{t('staff.title')}</h1>
          </header>
          <KindergartenPicker />
        </div>
      ) : (
        <StaffRegistry key={kindergartenId} kindergartenId={kindergartenId} />
      )}
    </StaffGuard>
  );
}
