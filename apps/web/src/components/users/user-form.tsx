import {
  can,
  localeSchema,
  roles,
  userCreateBody,
  userRoutes,
  userScopeProblem,
  userUpdateBody,
  type Locale,
  type Role,
  type User,
  type UserScope,
} from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../hooks/use-actor.ts';
import { useForm } from '../../hooks/use-form.ts';
import { useOrgNames } from '../../hooks/use-org-names.ts';
import { useUserMutation } from '../../hooks/use-users.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';
import { ScopeFields } from './scope-fields.tsx';

interface UserFormProps {
  user?: User;
  onDone: (created?: { username: string; password?: string | undefined }) => void;
}

/** Roles the signed-in user may give: those `can` lets them manage within their own scope. */
function grantableRoles(actor: ReturnType<typeof useActor>): Role[] {
  return roles.filter((role) =>
    can(actor, 'user.manage', {
      kind: 'user',
      role,
      districtId: actor.districtId,
      kindergartenId: actor.kindergartenId,
    }),
  );
}

function initialScope(user: User | undefined, actor: ReturnType<typeof useActor>): UserScope {
  if (user) {
    return {
      districtId: user.districtId,
      kindergartenId: user.kindergartenId,
      maintainedKindergartenIds: user.maintainedKindergartenIds,
    };
  }
  return actor.role === 'principal' ? { kindergartenId: actor.kindergartenId } : {};
}

export function UserForm({ user, onDone }: UserFormProps) {
  const { t, i18n } = useTranslation();
  const actor = useActor();
  const org = useOrgNames();
  const roleChoices = grantableRoles(actor);
  const form = useForm({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? roleChoices[0] ?? 'parent',
    scope: initialScope(user, actor),
    locale: user?.locale ?? (i18n.language as Locale),
    password: '',
  });
  const create = useUserMutation(userRoutes.create);
  const update = useUserMutation(userRoutes.update);
  const mutation = user ? update : create;
  const [tried, setTried] = useState(false);
  const scopeProblem = userScopeProblem(form.values.role, form.values.scope);
  const kindergartens =
    actor.role === 'principal'
      ? org.kindergartens.filter((k) => k.id === actor.kindergartenId)
      : org.kindergartens;

  const submit = () => {
    setTried(true);
    const { username, displayName, role, scope, locale, password } = form.values;
    const common = {
      displayName: displayName.trim() === '' ? undefined : displayName,
      role,
      scope,
      locale,
    };
    if (user) {
      const body = form.check(userUpdateBody, common);
      if (body && !scopeProblem)
        update.mutate({ params: { id: user.id }, body }, { onSuccess: () => onDone() });
      return;
    }
    const body = form.check(userCreateBody, {
      ...common,
      username,
      password: password === '' ? undefined : password,
    });
    if (body && !scopeProblem) {
      create.mutate(
        { body },
        { onSuccess: (out) => onDone({ username: out.user.username, password: out.password }) },
      );
    }
  };

  return (
    <FormCard
      title={user ? t('users.editUser') : t('users.addUser')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={() => onDone()}
    >
      <Field label={t('users.username')} error={form.errors.username}>
        <input
          name="username"
          autoComplete="off"
          disabled={user !== undefined}
          value={form.values.username}
          onChange={(e) => form.set('username', e.target.value)}
        />
      </Field>
      <Field label={t('users.displayName')} error={form.errors.displayName}>
        <input
          name="displayName"
          value={form.values.displayName}
          onChange={(e) => form.set('displayName', e.target.value)}
        />
      </Field>
      <Field label={t('users.role')} error={form.errors.role}>
        <select
          name="role"
          value={form.values.role}
          onChange={(e) => {
            form.set('role', e.target.value as Role);
            form.set('scope', initialScope(undefined, actor));
          }}
        >
          {roleChoices.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <ScopeFields
        role={form.values.role}
        scope={form.values.scope}
        districts={org.districts}
        kindergartens={kindergartens}
        error={tried && scopeProblem ? t('validation.required') : undefined}
        onChange={(scope) => form.set('scope', scope)}
      />
      <Field label={t('users.language')}>
        <select
          name="locale"
          value={form.values.locale}
          onChange={(e) => form.set('locale', e.target.value as Locale)}
        >
          {localeSchema.options.map((locale) => (
            <option key={locale} value={locale}>
              {t(`language.${locale}`)}
            </option>
          ))}
        </select>
      </Field>
      {!user && (
        <Field
          label={t('users.initialPassword')}
          hint={t('users.initialPasswordHint')}
          error={form.errors.password}
        >
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={form.values.password}
            onChange={(e) => form.set('password', e.target.value)}
          />
        </Field>
      )}
    </FormCard>
  );
}
