import type { Alert } from '@gardenwatch/contracts';
import { can } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActor } from '../../hooks/use-actor.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Field } from '../ui/field.tsx';
import { useAlertAction, type AlertAction } from './alert-queries.ts';

/** Acknowledge, resolve or mark as a false alarm, with a note (required to close). */
export function AlertActions({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const actor = useActor();
  const [note, setNote] = useState('');
  const [missingNote, setMissingNote] = useState(false);
  const action = useAlertAction(alert.id);
  const resource = {
    kind: 'kindergarten',
    districtId: alert.districtId,
    kindergartenId: alert.kindergartenId,
  } as const;
  if (!can(actor, 'alert.acknowledge', resource)) return null;
  const closed = alert.state === 'resolved' || alert.state === 'false_alarm';
  if (closed) return null;

  const run = (which: AlertAction) => {
    const closing = which !== 'acknowledge';
    setMissingNote(closing && note.trim() === '');
    if (closing && note.trim() === '') return;
    action.mutate({ action: which, note }, { onSuccess: () => setNote('') });
  };
  return (
    <section className="card" data-testid="alert-actions">
      <h2>{t('alerts.page.act')}</h2>
      <Field
        label={t('alerts.page.note')}
        hint={t('alerts.page.noteHint')}
        error={missingNote ? t('alerts.page.noteRequired') : undefined}
      >
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <ErrorMessage error={action.error} />
      <div className="alert-action-buttons">
        {alert.state === 'new' && (
          <button
            type="button"
            className="button button-primary"
            disabled={action.isPending}
            onClick={() => run('acknowledge')}
          >
            {t('alerts.page.acknowledge')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={action.isPending}
          onClick={() => run('resolve')}
        >
          {t('alerts.page.resolve')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={action.isPending}
          onClick={() => run('falseAlarm')}
        >
          {t('alerts.page.falseAlarm')}
        </button>
      </div>
    </section>
  );
}
