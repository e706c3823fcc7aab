import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message.tsx';

interface FormCardProps {
  title: string;
  error: unknown;
  busy: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A small form in a card: its fields, the server's refusal if any, save and cancel. */
export function FormCard({ title, error, busy, onSubmit, onCancel, children }: FormCardProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form-card" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <div className="form-grid">{children}</div>
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
