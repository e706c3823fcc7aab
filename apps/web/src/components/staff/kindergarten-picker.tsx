import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgNames } from '../../hooks/use-org-names.ts';

/** The kindergartens in sight, each a link to its staff (or its import) page. */
export function KindergartenPicker({ suffix = '' }: { suffix?: string }) {
  const { t } = useTranslation();
  const org = useOrgNames();
  if (org.kindergartens.length === 0) return <p className="muted">{t('nav.treeEmpty')}</p>;

  return (
    <section className="card">
      <h2>{t('staff.pickKindergarten')}</h2>
      <ul className="picker-list" data-testid="kindergarten-picker">
        {org.kindergartens.map((kg) => (
          <li key={kg.id}>
            <Link to={`/staff/${kg.id}${suffix}`}>{kg.name}</Link>
            <span className="muted small"> · {org.nameOf(kg.districtId)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
