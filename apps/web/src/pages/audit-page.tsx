import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AuditFilters,
  emptyAuditFilter,
  type AuditFilterValues,
} from '../components/audit/audit-filters.tsx';
import { AuditTable } from '../components/audit/audit-table.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useAuditPage, type AuditQuery } from '../hooks/use-audit.ts';
import { cityTimeZone, wallTimeToIso } from '../lib/time.ts';

const PAGE_SIZE = 50;

function toQuery(filter: AuditFilterValues, before: number | undefined): AuditQuery {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const time = (value: string) =>
    value === '' ? undefined : (wallTimeToIso(value, cityTimeZone) ?? undefined);
  const outcome = filter.outcome === '' ? undefined : (filter.outcome as AuditQuery['outcome']);
  return {
    actor: text(filter.actor),
    action: text(filter.action),
    resourceType: text(filter.resourceType),
    resourceId: text(filter.resourceId),
    outcome,
    from: time(filter.from),
    to: time(filter.to),
    before,
    limit: PAGE_SIZE,
  };
}

/** The audit log for city administrators: filtered, newest first, a page at a time. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState(emptyAuditFilter);
  // Cursors of the pages seen so far; the last one is the page shown.
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const before = cursors[cursors.length - 1];
  const page = useAuditPage(toQuery(filter, before));
  const rangeError =
    filter.from !== '' && filter.to !== '' && filter.from > filter.to
      ? t('validation.invalid')
      : undefined;

  const apply = (values: AuditFilterValues) => {
    setFilter(values);
    setCursors([undefined]);
  };
  const nextCursor = page.data?.nextCursor ?? null;

  return (
    <div className="page" data-testid="audit-page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </header>
      <AuditFilters initial={filter} error={rangeError} onApply={apply} />
      <section className="card">
        <QueryState query={page}>{(data) => <AuditTable rows={data.rows} />}</QueryState>
        <nav className="pager" aria-label={t('audit.title')}>
          <button
            type="button"
            className="button button-quiet"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('audit.newer')}
          </button>
          <span className="muted">{t('common.pageOf', { page: cursors.length })}</span>
          <button
            type="button"
            className="button button-quiet"
            disabled={nextCursor === null || page.isPlaceholderData}
            onClick={() => setCursors((c) => [...c, nextCursor ?? undefined])}
          >
            {t('audit.older')}
          </button>
        </nav>
      </section>
    </div>
  );
}
