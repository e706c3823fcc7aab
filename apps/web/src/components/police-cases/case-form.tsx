import { neverFilmedKinds, policeCaseCreateSchema } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKindergartenPage } from '../../hooks/use-kindergarten-page.ts';
import { useOrgNames } from '../../hooks/use-org-names.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { useRegisterCase } from './police-case-queries.ts';

const toIso = (local: string): string => (local ? new Date(local).toISOString() : '');
const fields = ['caseNumber', 'kindergartenId', 'from', 'to', 'reason', 'areaIds'] as const;

/** An officer registers a case: key areas open at once, the others wait for the reviewer. */
export function CaseForm() {
  const { t } = useTranslation();
  const { kindergartens } = useOrgNames();
  const register = useRegisterCase();
  const [values, setValues] = useState({
    caseNumber: '',
    kindergartenId: '',
    from: '',
    to: '',
    reason: '',
  });
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const kindergartenId = values.kindergartenId || kindergartens[0]?.id || '';
  const page = useKindergartenPage(kindergartenId);
  // Areas never filmed (toilets, changing rooms) have no footage to ask for.
  const areas = (page.data?.buildings ?? [])
    .flatMap((b) => b.floors.flatMap((f) => f.areas))
    .filter((a) => !a.neverFilmed && !neverFilmedKinds.has(a.kind));
  const set = (name: keyof typeof values, value: string) => setValues({ ...values, [name]: value });
  const toggle = (id: string) =>
    setAreaIds(areaIds.includes(id) ? areaIds.filter((a) => a !== id) : [...areaIds, id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = policeCaseCreateSchema.safeParse({
      ...values,
      kindergartenId,
      from: toIso(values.from),
      to: toIso(values.to),
      areaIds,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const name = fields.find((f) => f === issue?.path[0]) ?? 'caseNumber';
      setProblem(t('policeCases.invalid', { field: t(`policeCases.fields.${name}`) }));
      return;
    }
    setProblem(null);
    register.mutate(parsed.data, {
      onSuccess: () => {
        setValues({ ...values, caseNumber: '', reason: '' });
        setAreaIds([]);
      },
    });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('policeCases.register')}>
      <h2>{t('policeCases.register')}</h2>
      <div className="form-grid">
        <Field label={t('policeCases.fields.caseNumber')}>
          <input value={values.caseNumber} onChange={(e) => set('caseNumber', e.target.value)} />
        </Field>
        <Field label={t('policeCases.fields.kindergartenId')}>
          <select
            value={kindergartenId}
            onChange={(e) => {
              set('kindergartenId', e.target.value);
              setAreaIds([]);
            }}
          >
            {kindergartens.map((k) => (
              <option key={k.id} value={k.id}>
                {k.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('policeCases.fields.from')}>
          <input
            type="datetime-local"
            value={values.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </Field>
        <Field label={t('policeCases.fields.to')} hint={t('policeCases.windowHint')}>
          <input
            type="datetime-local"
            value={values.to}
            onChange={(e) => set('to', e.target.value)}
          />
        </Field>
        <Field label={t('policeCases.fields.reason')}>
          <textarea
            rows={2}
            value={values.reason}
            onChange={(e) => set('reason', e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="area-choice case-area-choice">
        <legend>{t('policeCases.fields.areaIds')}</legend>
        {areas.map((a) => (
          <label key={a.id} className="check">
            <input type="checkbox" checked={areaIds.includes(a.id)} onChange={() => toggle(a.id)} />{' '}
            {a.name} {a.isKey ? `(${t('policeCases.keyArea')})` : ''}
          </label>
        ))}
      </fieldset>
      <p className="muted small">{t('policeCases.keyHint')}</p>
      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}
      <ErrorMessage error={register.error ?? page.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={register.isPending}>
          {t('policeCases.submit')}
        </button>
      </div>
    </form>
  );
}
