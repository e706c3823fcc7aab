import type { FootageDecision } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { useDecide } from './request-queries.ts';

type Outcome = FootageDecision['outcome'];

/** Release a redacted clip, offer an on-site viewing, or reject with a reason. */
export function DecisionForm({
  requestId,
  canRelease,
}: {
  requestId: string;
  canRelease: boolean;
}) {
  const { t } = useTranslation();
  const decide = useDecide(requestId);
  const [outcome, setOutcome] = useState<Outcome>('release');
  const [allowDownload, setAllowDownload] = useState(false);
  const [at, setAt] = useState('');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (outcome === 'release') decide.mutate({ outcome, allowDownload, days: 7 });
    else if (outcome === 'on_site')
      decide.mutate({ outcome, at: at ? new Date(at).toISOString() : '' });
    else decide.mutate({ outcome, reason });
  };
  return (
    <form onSubmit={submit} className="decision-form" aria-label={t('requests.decision')}>
      <h3>{t('requests.decision')}</h3>
      <div className="form-grid">
        <Field label={t('requests.outcome')}>
          <select
            name="outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
          >
            {(['release', 'on_site', 'reject'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`requests.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        {outcome === 'release' && (
          <label className="check">
            <input
              type="checkbox"
              checked={allowDownload}
              onChange={(e) => setAllowDownload(e.target.checked)}
            />{' '}
            {t('requests.allowDownload')}
          </label>
        )}
        {outcome === 'on_site' && (
          <Field label={t('requests.onSiteAt')}>
            <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
          </Field>
        )}
        {outcome === 'reject' && (
          <Field label={t('requests.rejectReason')}>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        )}
      </div>
      {outcome === 'release' && !canRelease && (
        <p className="muted small">{t('requests.findFirst')}</p>
      )}
      <ErrorMessage error={decide.error} />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={decide.isPending || (outcome === 'release' && !canRelease)}
        >
          {t('requests.decide')}
        </button>
      </div>
    </form>
  );
}
