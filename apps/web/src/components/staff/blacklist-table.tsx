import type { BlacklistEntry } from '@gardenwatch/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';
import { BlacklistEntryDetail } from './blacklist-entry.tsx';

const appealTone = { none: 'neutral', pending: 'warn', upheld: 'bad', overturned: 'ok' } as const;

function EntryRow({ entry }: { entry: BlacklistEntry }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <tr data-testid="blacklist-row">
        <td data-label={t('staff.name')}>{entry.name}</td>
        <td data-label={t('staff.identityNumber')}>
          <code className="nowrap">{entry.identityNumber}</code>
        </td>
        <td data-label={t('blacklist.reason')}>{t(`blacklist.reasons.${entry.reason}`)}</td>
        <td data-label={t('blacklist.decision')}>
          {entry.decisionDocument}
          <span className="muted small block">
            {entry.decisionAuthority} · {entry.decisionDate}
          </span>
        </td>
        <td data-label={t('blacklist.period')}>
          {entry.until === null
            ? t('blacklist.permanent')
            : t('blacklist.untilDate', { date: entry.until })}
        </td>
        <td data-label={t('blacklist.appealStatus')}>
          <Badge tone={appealTone[entry.appealStatus]}>
            {t(`blacklist.appeals.${entry.appealStatus}`)}
          </Badge>
        </td>
        <td data-label={t('blacklist.effect')}>
          {entry.removedAt !== null ? (
            <Badge tone="neutral">{t('blacklist.removed')}</Badge>
          ) : entry.effective ? (
            <Badge tone="bad">{t('blacklist.effective')}</Badge>
          ) : (
            <Badge tone="ok">{t('blacklist.notEffective')}</Badge>
          )}
          <div className="row-actions">
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={open}
              onClick={() => setOpen((o) => !o)}
            >
              {open ? t('common.close') : t('blacklist.details')}
            </button>
          </div>
        </td>
      </tr>
      {open && (
        <tr className="staff-detail">
          <td colSpan={7}>
            <BlacklistEntryDetail entry={entry} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

export function BlacklistTable({ entries }: { entries: BlacklistEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="muted">{t('blacklist.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table-stack" data-testid="blacklist-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.identityNumber')}</th>
            <th scope="col">{t('blacklist.reason')}</th>
            <th scope="col">{t('blacklist.decision')}</th>
            <th scope="col">{t('blacklist.period')}</th>
            <th scope="col">{t('blacklist.appealStatus')}</th>
            <th scope="col">{t('blacklist.effect')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <EntryRow key={e.id} entry={e} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
