import { roles, type Role } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../components/ui/query-state.tsx';
import { ToggleForm } from '../components/ui/toggle-form.tsx';
import { UserForm } from '../components/users/user-form.tsx';
import { UserTable } from '../components/users/user-table.tsx';
import { Field } from '../components/ui/field.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { userPageSize, useUsers, type UserFilter } from '../hooks/use-users.ts';

interface ShownPassword {
  username: string;
  password?: string | undefined;
  created: boolean;
}

function PasswordNotice({ shown, onClose }: { shown: ShownPassword; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-ok" role="status" data-testid="password-notice">
      {shown.created && <span>{t('users.created', { username: shown.username })}</span>}
      {shown.password && (
        <span>
          {t('users.passwordShown', { username: shown.username })}{' '}
          <code className="secret">{shown.password}</code>
        </span>
      )}
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}

/** Accounts and roles: the whole city for administrators, their kindergarten for principals. */
export function UsersPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [filter, setFilter] = useState<UserFilter>({
    includeDisabled: false,
    offset: 0,
    kindergartenId: actor.role === 'principal' ? (actor.kindergartenId ?? undefined) : undefined,
  });
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const users = useUsers(filter);
  const total = users.data?.total ?? 0;
  const page = (offset: number) => setFilter((f) => ({ ...f, offset }));

  return (
    <div className="page" data-testid="users-page">
      <header className="page-header">
        <h1>{t('users.title')}</h1>
      </header>
      {shown && <PasswordNotice shown={shown} onClose={() => setShown(null)} />}
      <ToggleForm label={t('users.addUser')} className="button button-primary">
        {(close) => (
          <UserForm
            onDone={(created) => {
              if (created) setShown({ ...created, created: true });
              close();
            }}
          />
        )}
      </ToggleForm>
      <section className="card">
        <div className="filter-row">
          <Field label={t('users.search')}>
            <input
              type="search"
              name="q"
              value={filter.q ?? ''}
              onChange={(e) =>
                setFilter((f) => ({
                  ...f,
                  q: e.target.value === '' ? undefined : e.target.value,
                  offset: 0,
                }))
              }
            />
          </Field>
          <Field label={t('users.role')}>
            <select
              name="role"
              value={filter.role ?? ''}
              onChange={(e) =>
                setFilter((f) => ({
                  ...f,
                  role: e.target.value === '' ? undefined : (e.target.value as Role),
                  offset: 0,
                }))
              }
            >
              <option value="">{t('users.allRoles')}</option>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={filter.includeDisabled}
              onChange={(e) =>
                setFilter((f) => ({ ...f, includeDisabled: e.target.checked, offset: 0 }))
              }
            />
            {t('users.includeDisabled')}
          </label>
        </div>
        <QueryState query={users}>
          {(data) => (
            <UserTable users={data.items} onPassword={(p) => setShown({ ...p, created: false })} />
          )}
        </QueryState>
        <nav className="pager" aria-label={t('users.title')}>
          <button
            type="button"
            className="button button-quiet"
            disabled={filter.offset === 0}
            onClick={() => page(Math.max(0, filter.offset - userPageSize))}
          >
            {t('common.previousPage')}
          </button>
          <span className="muted">{t('users.total', { count: total })}</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={filter.offset + userPageSize >= total}
            onClick={() => page(filter.offset + userPageSize)}
          >
            {t('common.nextPage')}
          </button>
        </nav>
      </section>
    </div>
  );
}
