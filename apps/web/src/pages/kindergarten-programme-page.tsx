import { can, coverageRoutes as r, type Programme } from '@gardenwatch/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { callRoute } from '../api/call-route.ts';
import { coverageKey, useProgramme } from '../components/coverage/coverage-queries.ts';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { cityTimeZone, formatDateTime } from '../lib/time.ts';
import '../components/coverage/coverage.css';

const movable = ['surveyed', 'designed', 'installing'] as const;

function Checklist({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  return (
    <ul className="checklist" data-testid="checklist">
      {programme.checklist.map((item) => (
        <li key={item.key} className={`check check-${item.state}`}>
          <strong>{t(`programme.item.${item.key}`)}</strong>{' '}
          <span className="badge">{t(`programme.state.${item.state}`)}</span>
          <span className="muted small"> {t(`programme.facts.${item.key}`, item.facts)}</span>
        </li>
      ))}
    </ul>
  );
}

function Actions({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const actor = useActor();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const resource = {
    kind: 'kindergarten',
    districtId: programme.districtId,
    kindergartenId: programme.kindergartenId,
  } as const;
  const params = { id: programme.kindergartenId };
  const refresh = () => queryClient.invalidateQueries({ queryKey: coverageKey });
  const stage = useMutation({
    mutationFn: (next: (typeof movable)[number]) =>
      callRoute(r.setStage, { params, body: { stage: next } }),
    onSuccess: refresh,
  });
  const signOff = useMutation({
    mutationFn: () => callRoute(r.signOff, { params, body: { note } }),
    onSuccess: refresh,
  });
  return (
    <div className="programme-actions no-print">
      {can(actor, 'programme.manage', resource) && (
        <label>
          {t('programme.setStage')}
          <select
            value={programme.stage === 'accepted' ? '' : (programme.stage ?? '')}
            onChange={(e) => stage.mutate(e.target.value as (typeof movable)[number])}
          >
            <option value="" disabled>
              {t('programme.choose')}
            </option>
            {movable.map((s) => (
              <option key={s} value={s}>
                {t(`programme.stage.${s}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {can(actor, 'programme.sign_off', resource) && programme.stage === 'installing' && (
        <form
          className="sign-off"
          onSubmit={(e) => {
            e.preventDefault();
            signOff.mutate();
          }}
        >
          <label>
            {t('programme.note')}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} required />
          </label>
          <button type="submit" className="button button-primary" disabled={signOff.isPending}>
            {t('programme.signOff')}
          </button>
        </form>
      )}
      <ErrorMessage error={stage.error ?? signOff.error} />
    </div>
  );
}

function View({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const stage = programme.stage ?? 'notStarted';
  return (
    <div className="page" data-testid="kindergarten-programme">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={`/kindergartens/${programme.kindergartenId}`}>{programme.name}</Link>
        </p>
        <h1>{t('programme.kindergartenTitle', { name: programme.name })}</h1>
        <p>
          <span className={`badge stage-${stage}`}>{t(`programme.stage.${stage}`)}</span>
        </p>
      </header>
      <h2 className="section-title">{t('programme.checklist')}</h2>
      <Checklist programme={programme} />
      {programme.signOff && (
        <p data-testid="sign-off">
          {t('programme.signedOff', {
            name: programme.signOff.byName,
            time: formatDateTime(programme.signOff.at, cityTimeZone),
            note: programme.signOff.note,
          })}
        </p>
      )}
      <Actions programme={programme} />
    </div>
  );
}

export function KindergartenProgrammePage() {
  const { id = '' } = useParams();
  const query = useProgramme(id);
  return <QueryState query={query}>{(p) => <View programme={p} />}</QueryState>;
}
