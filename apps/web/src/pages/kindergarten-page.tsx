import type { KindergartenPage as PageData } from '@gardenwatch/contracts';
import { can, orgRoutes } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { BuildingForm } from '../components/org/building-form.tsx';
import { BuildingSection } from '../components/org/building-section.tsx';
import { KindergartenFacts } from '../components/org/kindergarten-facts.tsx';
import { KindergartenForm } from '../components/org/kindergarten-form.tsx';
import { ConfirmButton } from '../components/ui/confirm-button.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { ToggleForm } from '../components/ui/toggle-form.tsx';
import { useKindergartenPage } from '../hooks/use-kindergarten-page.ts';
import { useOrgMutation } from '../hooks/use-org-mutation.ts';
import { usePermissions } from '../hooks/use-permissions.ts';
import { useActor } from '../hooks/use-actor.ts';

function KindergartenAdmin({ page }: { page: PageData }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const archive = useOrgMutation(orgRoutes.kindergartens.archive);
  const kg = page.kindergarten;
  return (
    <div className="page-actions">
      <ToggleForm label={t('kindergarten.edit')}>
        {(close) => (
          <KindergartenForm districtId={kg.districtId} kindergarten={kg} onDone={close} />
        )}
      </ToggleForm>
      <ConfirmButton
        label={t('common.archive')}
        question={t('common.archiveConfirm', { name: kg.name })}
        busy={archive.isPending}
        onConfirm={() =>
          archive.mutate(
            { params: { id: kg.id } },
            { onSuccess: () => void navigate(`/districts/${kg.districtId}`) },
          )
        }
      />
      <ErrorMessage error={archive.error} />
    </div>
  );
}

function KindergartenView({ page }: { page: PageData }) {
  const { t } = useTranslation();
  const allowed = usePermissions();
  const kg = page.kindergarten;
  const canLayout = allowed.manageLayout(kg.districtId, kg.id);
  const actor = useActor();
  const resource = {
    kind: 'kindergarten',
    districtId: kg.districtId,
    kindergartenId: kg.id,
  } as const;
  return (
    <div className="page" data-testid="kindergarten-page">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={`/districts/${page.district.id}`}>{page.district.name}</Link>
        </p>
        <h1>{kg.name}</h1>
        {allowed.manageKindergartens(kg.districtId) && <KindergartenAdmin page={page} />}
      </header>
      <KindergartenFacts page={page} />
      {can(actor, 'report.read', resource) && (
        <p className="page-actions" data-testid="coverage-links">
          <Link className="button" to={`/kindergartens/${kg.id}/compliance`}>
            {t('compliance.report')}
          </Link>
          <Link className="button" to={`/kindergartens/${kg.id}/programme`}>
            {t('programme.nav')}
          </Link>
        </p>
      )}
      {can(actor, 'health.read', resource) && (
        <p className="page-actions" data-testid="health-links">
          <Link className="button" to={`/kindergartens/${kg.id}/health`}>
            {t('health.nav')}
          </Link>
          <Link className="button" to={`/kindergartens/${kg.id}/storage`}>
            {t('storage.title')}
          </Link>
        </p>
      )}
      <h2 className="section-title">{t('layout.title')}</h2>
      {page.buildings.length === 0 && <p className="muted">{t('layout.noBuildings')}</p>}
      {page.buildings.map((building) => (
        <BuildingSection key={building.id} building={building} canManage={canLayout} />
      ))}
      {canLayout && (
        <ToggleForm label={t('layout.addBuilding')} className="button">
          {(close) => <BuildingForm kindergartenId={kg.id} onDone={close} />}
        </ToggleForm>
      )}
    </div>
  );
}

export function KindergartenPage() {
  const { id = '' } = useParams();
  const query = useKindergartenPage(id);
  return <QueryState query={query}>{(page) => <KindergartenView page={page} />}</QueryState>;
}
