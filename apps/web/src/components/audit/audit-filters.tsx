import { auditOutcomeSchema } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field.tsx';

export interface AuditFilterValues {
  actor: string;
  action: string;
  resourceType: string;
  resourceId: string;
  outcome: string;
  /** Wall-clock times in the city's zone, as a `datetime-local` field holds them. */
  from: string;
  to: string;
}

export const emptyAuditFilter: AuditFilterValues = {
  actor: '',
  action: '',
  resourceType: '',
  resourceId: '',
  outcome: '',
  from: '',
  to: '',
};

interface AuditFiltersProps {
  initial: AuditFilterValues;
  error?: string | undefined;
  onApply: (values: AuditFilterValues) => void;
}

const textFields = ['actor', 'action', 'resourceType', 'resourceId'] as const;

/** On a phone the filters start folded, so that the log itself is on the first screen. */
const phoneWidth = () => window.matchMedia('(max-width: 640px)').matches;

export function AuditFilters({ initial, error, onApply }: AuditFiltersProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const set = (key: keyof AuditFilterValues, value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const clear = () => {
    setValues(emptyAuditFilter);
    onApply(emptyAuditFilter);
  };

  const active = Object.values(values).filter((value) => value !== '').length;

  return (
    <details className="card filters" open={!phoneWidth()}>
      <summary>
        {t('audit.filters')}
        {active > 0 && <span className="badge">{active}</span>}
      </summary>
      <form onSubmit={submit} aria-label={t('audit.filters')}>
        <div className="filter-grid">
          {textFields.map((key) => (
            <Field key={key} label={t(`audit.${key}`)}>
              <input name={key} value={values[key]} onChange={(e) => set(key, e.target.value)} />
            </Field>
          ))}
          <Field label={t('audit.outcome')}>
            <select
              name="outcome"
              value={values.outcome}
              onChange={(e) => set('outcome', e.target.value)}
            >
              <option value="">{t('audit.anyOutcome')}</option>
              {auditOutcomeSchema.options.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`audit.outcomes.${outcome}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('audit.from')} error={error}>
            <input
              name="from"
              type="datetime-local"
              step={1}
              value={values.from}
              onChange={(e) => set('from', e.target.value)}
            />
          </Field>
          <Field label={t('audit.to')}>
            <input
              name="to"
              type="datetime-local"
              step={1}
              value={values.to}
              onChange={(e) => set('to', e.target.value)}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('common.apply')}
          </button>
          <button type="button" className="button button-quiet" onClick={clear}>
            {t('common.clear')}
          </button>
        </div>
      </form>
    </details>
  );
}
