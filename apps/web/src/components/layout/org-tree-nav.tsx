import type { OrgTree } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useOrgTree } from '../../hooks/use-org-tree.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { Loading } from '../ui/loading.tsx';

type City = OrgTree['cities'][number];

function CityBranch({ city }: { city: City }) {
  return (
    <li>
      <span className="tree-city">{city.name}</span>
      <ul role="group">
        {city.districts.map((district) => (
          <li key={district.id} data-testid="tree-district">
            <NavLink to={`/districts/${district.id}`} className="tree-district">
              {district.name}
            </NavLink>
            <ul role="group">
              {district.kindergartens.map((kg) => (
                <li key={kg.id} data-testid="tree-kindergarten">
                  <NavLink to={`/kindergartens/${kg.id}`} className="tree-kindergarten">
                    {kg.name}
                  </NavLink>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** City → district → kindergarten, as far as the signed-in user may see. */
export function OrgTreeNav() {
  const { t } = useTranslation();
  const tree = useOrgTree();
  if (tree.error) return <ErrorMessage error={tree.error} />;
  if (!tree.data) return <Loading />;
  if (tree.data.cities.length === 0) return <p className="muted">{t('nav.treeEmpty')}</p>;

  return (
    <ul className="tree" aria-label={t('nav.treeLabel')} data-testid="org-tree">
      {tree.data.cities.map((city) => (
        <CityBranch key={city.id} city={city} />
      ))}
    </ul>
  );
}
