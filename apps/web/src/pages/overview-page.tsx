import type { OrgTree } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DistrictForm } from '../components/org/district-form.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { ToggleForm } from '../components/ui/toggle-form.tsx';
import { useOrgTree } from '../hooks/use-org-tree.ts';
import { usePermissions } from '../hooks/use-permissions.ts';

type City = OrgTree['cities'][number];

function CityOverview({ city }: { city: City }) {
  const { t } = useTranslation();
  const allowed = usePermissions();
  return (
    <section className="card" data-testid="city">
      <header className="card-header">
        <h2>{city.name}</h2>
        <span className="muted">
          {t('overview.kindergartenCount', { count: city.kindergartenCount })}
        </span>
      </header>
      {city.districts.length === 0 && <p className="muted">{t('overview.empty')}</p>}
      <div className="tiles">
        {city.districts.map((district) => (
          <Link
            key={district.id}
            to={`/districts/${district.id}`}
            className="tile"
            data-testid="district-tile"
          >
            <span className="tile-title">{district.name}</span>
            <span className="tile-meta">{district.adminCode}</span>
            <span className="tile-meta">
              {t('overview.kindergartenCount', { count: district.kindergartenCount })}
            </span>
          </Link>
        ))}
      </div>
      {allowed.manageDistricts && (
        <ToggleForm label={t('overview.addDistrict')}>
          {(close) => <DistrictForm cityId={city.id} onDone={close} />}
        </ToggleForm>
      )}
    </section>
  );
}

/** Where everyone lands: the cities and districts in sight, each with its kindergartens. */
export function OverviewPage() {
  const { t } = useTranslation();
  const tree = useOrgTree();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('overview.title')}</h1>
      </header>
      <QueryState query={tree}>
        {(data) => data.cities.map((city) => <CityOverview key={city.id} city={city} />)}
      </QueryState>
    </div>
  );
}
