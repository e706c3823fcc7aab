import { blacklistReasons } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlacklistForm } from '../components/staff/blacklist-form.tsx';
import { BlacklistTable } from '../components/staff/blacklist-table.tsx';
import {
  blacklistPageSize,
  useBlacklist,
  type BlacklistFilter,
} from '../components/staff/staff-queries.ts';
import { StaffGuard } from '../components/staff/staff-guard.tsx';
import { Field } from '../components/ui/field.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { ToggleForm } from '../components/ui/toggle-form.tsx';
import '../components/staff/staff.css';

type Reason = (typeof blacklistReasons)[number];

function BlacklistFilters({
  filter,
  onChange,
}: {
  filter: BlacklistFilter;
  onChange: (f: BlacklistFilter) => void;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const exact = /^\d{17}[\dXx]$/.test(number.trim());
  return (
    <div className="filter-row">
      <Field label={t('blacklist.reason')}>
        <select
          name="reason"
          value={filter.reason ?? ''}
          onChange={(e) =>
            onChange({
              ...filter,
              reason: e.target.value === '' ? undefined : (e.target.value as Reason),
              offset: 0,
            })
          }
        >
          <option value="">{t('blacklist.allReasons')}</option>
          {blacklistReasons.map((r) => (
            <option key={r} value={r}>
              {t(`blacklist.reasons.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('blacklist.findNumber')} hint={t('blacklist.findNumberHint')}>
        <input
          type="search"
          name="identityNumber"
          maxLength={18}
          value={number}
          onChange={(e) => {
            const text = e.target.value;
            setNumber(text);
            const complete = /^\d{17}[\dXx]$/.test(text.trim());
            onChange({ ...filter, identityNumber: complete ? text.trim() : undefined, offset: 0 });
          }}
        />
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filter.includeRemoved === true}
          onChange={(e) => onChange({ ...filter, includeRemoved: e.target.checked, offset: 0 })}
        />
        {t('blacklist.includeRemoved')}
      </label>
      {number !== '' && !exact && (
        <span className="field-hint">{t('blacklist.numberIncomplete')}</span>
      )}
    </div>
  );
}

function Blacklist() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<BlacklistFilter>({ offset: 0 });
  const list = useBlacklist(filter);
  const total = list.data?.total ?? 0;
  const offset = filter.offset;
  return (
    <div className="page" data-testid="blacklist-page">
      <header className="page-header">
        <h1>{t('blacklist.title')}</h1>
        <p>{t('blacklist.intro')}</p>
      </header>
      <ToggleForm label={t('blacklist.add')} className="button button-primary">
        {(close) => <BlacklistForm onDone={close} />}
      </ToggleForm>
      <section className="card">
        <BlacklistFilters filter={filter} onChange={setFilter} />
        <QueryState query={list}>{(data) => <BlacklistTable entries={data.items} />}</QueryState>
        <nav className="pager" aria-label={t('blacklist.title')}>
          <button
            type="button"
            className="button button-quiet"
            disabled={offset === 0}
            onClick={() =>
              setFilter((f) => ({ ...f, offset: Math.max(0, offset - blacklistPageSize) }))
            }
          >
            {t('common.previousPage')}
          </button>
          <span className="muted">{t('blacklist.total', { count: total })}</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={offset + blacklistPageSize >= total}
            onClick={() => setFilter((f) => ({ ...f, offset: offset + blacklistPageSize }))}
          >
            {t('common.nextPage')}
          </button>
        </nav>
      </section>
    </div>
  );
}

/** The city's blacklist: city administrators only; everyone else is told so plainly. */
export function BlacklistPage() {
  return (
    <StaffGuard need="manageBlacklist">
      <Blacklist />
    </StaffGuard>
  );
}
