import { can, userRoutes, type User } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../hooks/use-actor.ts';
import { useOrgNames } from '../../hooks/use-org-names.ts';
import { useUserMutation } from '../../hooks/use-users.ts';
import { Badge } from '../ui/badge.tsx';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { UserForm } from './user-form.tsx';

interface UserRowProps {
  user: User;
  onPassword: (shown: { username: string; password: string }) => void;
}

function scopeText(
  user: User,
  nameOf: (id: string) => string,
  wholeCity: string,
  language: string,
): string {
  if (user.kindergartenId) return nameOf(user.kindergartenId);
  if (user.maintainedKindergartenIds.length > 0)
    return new Intl.ListFormat(language).format(user.maintainedKindergartenIds.map(nameOf));
  if (user.districtId) return nameOf(user.districtId);
  return wholeCity;
}

function UserRow({ user, onPassword }: UserRowProps) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const org = useOrgNames();
  const [editing, setEditing] = useState(false);
  const disable = useUserMutation(userRoutes.disable);
  const reset = useUserMutation(userRoutes.resetPassword);
  const manageable = user.id !== actor.id && can(actor, 'user.manage', { kind: 'user', ...user });
  if (editing) {
    return (
      <tr>
        <td colSpan={6}>
          <UserForm user={user} onDone={() => setEditing(false)} />
        </td>
      </tr>
    );
  }

  return (
    <tr data-testid="user-row">
      <td data-label={t('users.username')}>
        <code>{user.username}</code>
      </td>
      <td data-label={t('users.displayName')}>{user.displayName}</td>
      <td data-label={t('users.role')}>{t(`roles.${user.role}`)}</td>
      <td data-label={t('users.scope')}>
        {scopeText(user, org.nameOf, t('users.wholeCity'), i18n.language)}
      </td>
      <td data-label={t('users.status')}>
        {user.disabledAt ? (
          <Badge tone="bad">{t('users.disabled')}</Badge>
        ) : (
          <Badge tone="ok">{t('users.active')}</Badge>
        )}
        {user.mustChangePassword && <Badge tone="warn">{t('users.mustChangePassword')}</Badge>}
      </td>
      <td data-label={t('common.actions')}>
        {manageable && !user.disabledAt && (
          <div className="row-actions">
            <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </button>
            <ConfirmButton
              label={t('users.resetPassword')}
              question={t('users.resetConfirm', { name: user.displayName })}
              busy={reset.isPending}
              onConfirm={() =>
                reset.mutate(
                  { params: { id: user.id } },
                  {
                    onSuccess: (out) =>
                      out.password &&
                      onPassword({ username: user.username, password: out.password }),
                  },
                )
              }
            />
            <ConfirmButton
              label={t('users.disable')}
              question={t('users.disableConfirm', { name: user.displayName })}
              busy={disable.isPending}
              onConfirm={() => disable.mutate({ params: { id: user.id } })}
            />
          </div>
        )}
        <ErrorMessage error={disable.error ?? reset.error} />
      </td>
    </tr>
  );
}

export function UserTable({
  users,
  onPassword,
}: {
  users: User[];
  onPassword: UserRowProps['onPassword'];
}) {
  const { t } = useTranslation();
  if (users.length === 0) return <p className="muted">{t('users.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table-stack" data-testid="user-table">
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.displayName')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.scope')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} onPassword={onPassword} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
