import { passwordChangeBody } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { Field } from '../components/ui/field.tsx';
import { useForm } from '../hooks/use-form.ts';
import { useChangePassword, useSession } from '../hooks/use-session.ts';

export function PasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const form = useForm({ currentPassword: '', newPassword: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = form.check(passwordChangeBody, {
      currentPassword: form.values.currentPassword,
      newPassword: form.values.newPassword,
    });
    const same = form.values.newPassword === form.values.confirm;
    setMismatch(!same);
    if (!body || !same) return;

    change.mutate(body, {
      onSuccess: () => {
        setDone(true);
        form.reset();
      },
    });
  };

  return (
    <div className="page page-narrow">
      <header className="page-header">
        <h1>{t('password.title')}</h1>
      </header>
      {session.data?.mustChangePassword && (
        <div className="alert alert-warn" role="status">
          {t('password.mustChange')}
        </div>
      )}
      <form className="card" onSubmit={submit} noValidate>
        <p className="muted">{t('password.intro')}</p>
        <Field label={t('password.current')} error={form.errors.currentPassword}>
          <input
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            value={form.values.currentPassword}
            onChange={(e) => form.set('currentPassword', e.target.value)}
          />
        </Field>
        <Field label={t('password.new')} error={form.errors.newPassword}>
          <input
            type="password"
            name="newPassword"
            autoComplete="new-password"
            value={form.values.newPassword}
            onChange={(e) => form.set('newPassword', e.target.value)}
          />
        </Field>
        <Field
          label={t('password.confirm')}
          error={mismatch ? t('validation.mismatch') : undefined}
        >
          <input
            type="password"
            name="confirm"
            autoComplete="new-password"
            value={form.values.confirm}
            onChange={(e) => form.set('confirm', e.target.value)}
          />
        </Field>
        <ErrorMessage error={change.error} />
        {done && (
          <div className="alert alert-ok" role="status">
            {t('password.changed')}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {t('password.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
