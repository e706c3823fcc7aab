import { blacklistRoutes, type BlacklistEntry } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cityTimeZone, formatDateTime } from '../../lib/time.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';
import { QueryState } from '../ui/query-state.tsx';
import { AppealForm } from './appeal-form.tsx';
import { BlacklistForm } from './blacklist-form.tsx';
import { useBlacklistEntry, useStaffMutation } from './staff-queries.ts';

function RemoveForm({ entryId, onDone }: { entryId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const remove = useStaffMutation(blacklistRoutes.remove);
  return (
    <FormCard
      title={t('blacklist.removeTitle')}
      error={remove.error}
      busy={remove.isPending}
      onSubmit={() =>
        remove.mutate({ params: { id: entryId }, body: { note } }, { onSuccess: onDone })
      }
      onCancel={onDone}
    >
      <Field label={t('blacklist.note')} hint={t('blacklist.removeHint')}>
        <textarea name="note" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </FormCard>
  );
}

type Panel = 'edit' | 'appeal' | 'remove' | null;

/** One entry's history (creation, corrections, appeals, removal) and the changes allowed. */
export function BlacklistEntryDetail({ entry }: { entry: BlacklistEntry }) {
  const { t } = useTranslation();
  const detail = useBlacklistEntry(entry.id);
  const [panel, setPanel] = useState<Panel>(null);
  const close = () => setPanel(null);
  return (
    <div className="blacklist-detail" data-testid="blacklist-detail">
      {entry.removedAt === null && panel === null && (
        <div className="row-actions">
          <button type="button" className="button button-quiet" onClick={() => setPanel('edit')}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPanel('appeal')}>
            {t('blacklist.recordAppeal')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPanel('remove')}>
            {t('blacklist.remove')}
          </button>
        </div>
      )}
      {panel === 'edit' && <BlacklistForm entry={entry} onDone={close} />}
      {panel === 'appeal' && <AppealForm entryId={entry.id} onDone={close} />}
      {panel === 'remove' && <RemoveForm entryId={entry.id} onDone={close} />}
      <h3>{t('blacklist.historyTitle')}</h3>
      <QueryState query={detail}>
        {(data) => (
          <ol className="event-list" data-testid="blacklist-history">
            {data.events.map((event, i) => (
              <li key={i}>
                <span className="nowrap muted small">
                  {formatDateTime(event.recordedAt, cityTimeZone)}
                </span>{' '}
                <strong>{t(`blacklist.events.${event.kind}`)}</strong>
                {event.appealStatus && ` · ${t(`blacklist.appeals.${event.appealStatus}`)}`}
                {event.decidedOn && ` · ${t('blacklist.decidedOnDate', { date: event.decidedOn })}`}
                {event.note && <p className="event-note">{event.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </QueryState>
    </div>
  );
}
