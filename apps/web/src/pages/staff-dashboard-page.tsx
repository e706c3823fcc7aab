import { buildPath, reportKinds, staffRoutes } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CertificateSection } from '../components/staff/certificate-section.tsx';
import { PaySection } from '../components/staff/pay-section.tsx';
import { QualificationSection } from '../components/staff/qualification-section.tsx';
import { StaffGuard } from '../components/staff/staff-guard.tsx';
import type { DashboardQuery } from '../components/staff/staff-queries.ts';
import { Field } from '../components/ui/field.tsx';
import { useActor } from '../hooks/use-actor.ts';
import { useOrgNames } from '../hooks/use-org-names.ts';
import '../components/staff/staff.css';

const thisYear = new Date().getFullYear();
const years = [thisYear, thisYear - 1, thisYear - 2];

function exportHref(report: (typeof reportKinds)[number], query: DashboardQuery): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined) search.set(key, String(value));
  const path = buildPath(staffRoutes.dashboardExport.path, { report });
  return search.size === 0 ? path : `${path}?${search.toString()}`;
}

function DashboardFilters({
  query,
  onChange,
}: {
  query: DashboardQuery;
  onChange: (q: DashboardQuery) => void;
}) {
  const { t } = useTranslation();
  const actor = useActor();
  const org = useOrgNames();
  return (
    <div className="filter-row no-print">
      <Field label={t('staffDashboard.year')}>
        <select
          name="year"
          value={query.year ?? thisYear}
          onChange={(e) => onChange({ ...query, year: Number(e.target.value) })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </Field>
      {actor.role === 'city_admin' && (
        <Field label={t('staffDashboard.district')}>
          <select
            name="districtId"
            value={query.districtId ?? ''}
            onChange={(e) =>
              onChange({ ...query, districtId: e.target.value === '' ? undefined : e.target.value })
            }
          >
            <option value="">{t('staffDashboard.wholeCity')}</option>
            {org.districts.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      )}
    </div>
  );
}

function Dashboards() {
  const { t } = useTranslation();
  const org = useOrgNames();
  const [query, setQuery] = useState<DashboardQuery>({ year: thisYear });
  const scope = query.districtId ? org.nameOf(query.districtId) : null;
  return (
    <div className="page printable" data-testid="staff-dashboard-page">
      <header className="page-header">
        <h1>{t('staffDashboard.title')}</h1>
        <p className="muted">
          {t('staffDashboard.subtitle', { year: query.year ?? thisYear })}
          {scope && ` · ${scope}`}
        </p>
        <div className="page-actions no-print">
          <button type="button" className="button" onClick={() => window.print()}>
            {t('staffDashboard.print')}
          </button>
          {reportKinds.map((kind) => (
            <a key={kind} className="button button-quiet" href={exportHref(kind, query)} download>
              {t(`staffDashboard.export.${kind}`)}
            </a>
          ))}
        </div>
      </header>
      <DashboardFilters query={query} onChange={setQuery} />
      <QualificationSection query={query} />
      <CertificateSection query={query} />
      <PaySection query={query} />
    </div>
  );
}

/** Qualifications, certificates and pay, for the user's own scope; printable. */
export function StaffDashboardPage() {
  return (
    <StaffGuard need="readDashboards">
      <Dashboards />
    </StaffGuard>
  );
}
