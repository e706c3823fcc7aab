import { can, orgRoutes, type District, type Kindergarten } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DistrictForm } from '../components/org/district-form.tsx';
import { KindergartenForm } from '../components/org/kindergarten-form.tsx';
import { ConfirmButton } from '../components/ui/confirm-button.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { ToggleForm } from '../components/ui/toggle-form.tsx';
import { useDistrict, useDistrictKindergartens } from '../hooks/use-district.ts';
import { useOrgMutation } from '../hooks/use-org-mutation.ts';
import { usePermissions } from '../hooks/use-permissions.ts';
import { useActor } from '../hooks/use-actor.ts';

function KindergartenTable({ items }: { items: Kindergarten[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('district.noKindergartens')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table-stack">
        <thead>
          <tr>
            <th scope="col">{t('kindergarten.name')}</th>
            <th scope="col">{t('kindergarten.type')}</th>
            <th scope="col" className="num">
              {t('kindergarten.children')}
            </th>
            <th scope="col">{t('kindergarten.sizeGrade')}</th>
            <th scope="col">{t('kindergarten.address')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((kg) => (
            <tr key={kg.id}>
              <td data-label={t('kindergarten.name')}>
                <Link to={`/kindergartens/${kg.id}`}>{kg.name}</Link>
              </td>
              <td data-label={t('kindergarten.type')}>{t(`kindergartenTypes.${kg.type}`)}</td>
              <td data-label={t('kindergarten.children')} className="num">
                {kg.childrenCount.toLocaleString(i18n.language)}
              </td>
              <td data-label={t('kindergarten.sizeGrade')}>{t(`sizeGrades.${kg.sizeGrade}`)}</td>
              <td data-label={t('kindergarten.address')}>{kg.address}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DistrictAdmin({ district }: { district: District }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const archive = useOrgMutation(orgRoutes.districts.archive);
  return (
    <div className="page-actions">
      <ToggleForm label={t('district.edit')}>
        {(close) => <DistrictForm cityId={district.cityId} district={district} onDone={close} />}
      </ToggleForm>
      <ConfirmButton
        label={t('common.archive')}
        question={t('common.archiveConfirm', { name: district.name })}
        busy={archive.isPending}
        onConfirm={() =>
          archive.mutate({ params: { id: district.id } }, { onSuccess: () => void navigate('/') })
        }
      />
      <ErrorMessage error={archive.error} />
    </div>
  );
}

function DistrictView({ district }: { district: District }) {
  const { t } = useTranslation();
  const allowed = usePermissions();
  const kindergartens = useDistrictKindergartens(district.id);
  const actor = useActor();
  return (
    <div className="page" data-testid="district-page">
      <header className="page-header">
        <p className="breadcrumb">
          {t('district.adminCode')} {district.adminCode}
        </p>
        <h1>{district.name}</h1>
        {allowed.manageDistricts && <DistrictAdmin district={district} />}
        {can(actor, 'report.read_district', { kind: 'district', districtId: district.id }) && (
          <p className="page-actions">
            <Link className="button" to={`/districts/${district.id}/compliance`}>
              {t('compliance.report')}
            </Link>
          </p>
        )}
      </header>
      <section className="card">
        <h2>{t('district.kindergartens')}</h2>
        <QueryState query={kindergartens}>
          {(data) => <KindergartenTable items={data.items} />}
        </QueryState>
        {allowed.manageKindergartens(district.id) && (
          <ToggleForm label={t('district.addKindergarten')}>
            {(close) => <KindergartenForm districtId={district.id} onDone={close} />}
          </ToggleForm>
        )}
      </section>
    </div>
  );
}

export function DistrictPage() {
  const { id = '' } = useParams();
  const query = useDistrict(id);
  return (
    <QueryState query={query}>{(district) => <DistrictView district={district} />}</QueryState>
  );
}
