import { blacklistRoutes, hiringCheckSchema } from '@gardenwatch/contracts';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callRoute } from '../../api/call-route.ts';
import { useForm } from '../../hooks/use-form.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';

const blank = { identityNumber: '', name: '', consentReference: '', purpose: '' };

/** The answer, and only the answer: no reason, no entry, no dates. */
function CheckAnswer({ result }: { result: 'eligible' | 'not_eligible' }) {
  const { t } = useTranslation();
  return result === 'eligible' ? (
    <div className="alert alert-ok hiring-answer" role="status" data-testid="hiring-answer">
      <strong>{t('hiring.eligible')}</strong>
    </div>
  ) : (
    <div className="alert alert-error hiring-answer" role="status" data-testid="hiring-answer">
      <strong>{t('hiring.notEligible')}</strong>
    </div>
  );
}

/** A principal checks a candidate with the candidate's consent, for one stated purpose. */
export function HiringCheckForm({ kindergartenId }: { kindergartenId: string }) {
  const { t } = useTranslation();
  const { values, set, errors, check, reset } = useForm(blank);
  const run = useMutation({
    mutationFn: (body: ReturnType<typeof hiringCheckSchema.parse>) =>
      callRoute(blacklistRoutes.hiringCheck, { body }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = check(hiringCheckSchema, {
      ...values,
      kindergartenId,
      purpose: values.purpose.trim() === '' ? undefined : values.purpose,
    });
    if (body) run.mutate(body);
  };
  const again = () => {
    reset();
    run.reset();
  };

  return (
    <form className="card hiring-form" onSubmit={submit} noValidate aria-label={t('hiring.title')}>
      <div className="form-grid">
        <Field
          label={t('staff.identityNumber')}
          hint={t('staff.identityHint')}
          error={errors.identityNumber}
        >
          <input
            name="identityNumber"
            autoComplete="off"
            maxLength={18}
            value={values.identityNumber}
            onChange={(e) => set('identityNumber', e.target.value)}
          />
        </Field>
        <Field label={t('hiring.name')} error={errors.name}>
          <input name="name" value={values.name} onChange={(e) => set('name', e.target.value)} />
        </Field>
        <Field
          label={t('hiring.consent')}
          hint={t('hiring.consentHint')}
          error={errors.consentReference}
        >
          <input
            name="consentReference"
            value={values.consentReference}
            onChange={(e) => set('consentReference', e.target.value)}
          />
        </Field>
        <Field label={t('hiring.purpose')} hint={t('hiring.purposeHint')} error={errors.purpose}>
          <input
            name="purpose"
            value={values.purpose}
            placeholder={t('hiring.purposeDefault')}
            onChange={(e) => set('purpose', e.target.value)}
          />
        </Field>
      </div>
      <ErrorMessage error={run.error} />
      {run.data && <CheckAnswer result={run.data.result} />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {run.isPending ? t('hiring.checking') : t('hiring.check')}
        </button>
        {run.data && (
          <button type="button" className="button button-quiet" onClick={again}>
            {t('hiring.another')}
          </button>
        )}
      </div>
    </form>
  );
}
