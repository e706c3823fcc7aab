import { footageReasons, footageRequestCreateSchema } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { useApply, useRequestableAreas } from './request-queries.ts';

const toIso = (local: string): string => (local ? new Date(local).toISOString() : '');

/** Apply for up to 2 h of footage; a parent's class rooms are chosen by default. */
export function ApplyForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const areas = useRequestableAreas(true);
  const apply = useApply();
  const [values, setValues] = useState({ from: '', to: '', reason: 'injury', description: '' });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const defaults = (areas.data?.items ?? []).filter((a) => a.classRoom).map((a) => a.id);
  const selected = chosen ?? defaults;
  const set = (key: keyof typeof values, value: string) => setValues({ ...values, [key]: value });
  const toggle = (id: string) =>
    setChosen(selected.includes(id) ? selected.filter((a) => a !== id) : [...selected, id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = footageRequestCreateSchema.safeParse({
      ...values,
      from: toIso(values.from),
      to: toIso(values.to),
      ...(selected.length > 0 ? { areaIds: selected } : {}),
    });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'from');
      const known = ['from', 'to', 'reason', 'description', 'areaIds'] as const;
      const name = known.find((k) => k === field) ?? 'from';
      setProblem(t('requests.invalid', { field: t(`requests.fields.${name}`) }));
      return;
    }
    setProblem(null);
    apply.mutate(parsed.data, { onSuccess: (r) => void navigate(`/requests/${r.id}`) });
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('requests.apply')}>
      <div className="form-grid">
        <Field label={t('requests.fields.from')}>
          <input
            type="datetime-local"
            step={1}
            name="from"
            value={values.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </Field>
        <Field label={t('requests.fields.to')} hint={t('requests.windowHint')}>
          <input
            type="datetime-local"
            step={1}
            name="to"
            value={values.to}
            onChange={(e) => set('to', e.target.value)}
          />
        </Field>
        <Field label={t('requests.fields.reason')}>
          <select
            name="reason"
            value={values.reason}
            onChange={(e) => set('reason', e.target.value)}
          >
            {footageReasons.map((r) => (
              <option key={r} value={r}>
                {t(`requests.reasons.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('requests.fields.description')}>
          <textarea
            name="description"
            rows={3}
            value={values.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="area-choice">
        <legend>{t('requests.fields.areaIds')}</legend>
        {(areas.data?.items ?? []).map((a) => (
          <label key={a.id} className="check">
            <input
              type="checkbox"
              checked={selected.includes(a.id)}
              onChange={() => toggle(a.id)}
            />{' '}
            {a.name}
          </label>
        ))}
      </fieldset>
      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}
      <ErrorMessage error={apply.error ?? areas.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={apply.isPending}>
          {t('requests.submit')}
        </button>
      </div>
    </form>
  );
}
