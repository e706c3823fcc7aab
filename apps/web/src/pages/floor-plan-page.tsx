import { can, type FloorPlanView } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AreaCoverageTable, percent } from '../components/coverage/area-coverage-table.tsx';
import {
  useAdvice,
  useFloorCoverage,
  useFloorPlan,
} from '../components/coverage/coverage-queries.ts';
import { PlanCanvas } from '../components/coverage/plan-canvas.tsx';
import { draftOf } from '../components/coverage/plan-draft.ts';
import { PlanEditor } from '../components/coverage/plan-editor.tsx';
import { PlanLegend } from '../components/coverage/plan-legend.tsx';
import { BackgroundForm } from '../components/coverage/background-form.tsx';
import { ErrorMessage } from '../components/ui/error-message.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useActor } from '../hooks/use-actor.ts';
import '../components/coverage/coverage.css';

function PlanView({ view }: { view: FloorPlanView }) {
  const { t } = useTranslation();
  const actor = useActor();
  const [editing, setEditing] = useState(false);
  const [advise, setAdvise] = useState(false);
  const planned = view.version > 0;
  const coverage = useFloorCoverage(view.floorId, planned && !editing);
  const advice = useAdvice(view.floorId, planned && advise && !editing);
  const resource = {
    kind: 'kindergarten',
    districtId: view.districtId,
    kindergartenId: view.kindergartenId,
  } as const;
  const canEdit = can(actor, 'coverage.manage', resource);
  const background =
    view.background && view.metresPerPixel
      ? {
          href: `/api/coverage/floors/${view.floorId}/background`,
          metresPerPixel: view.metresPerPixel,
        }
      : null;

  return (
    <div className="page" data-testid="floor-plan-page">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to={`/kindergartens/${view.kindergartenId}`}>
            {t('coverage.backToKindergarten')}
          </Link>
        </p>
        <h1>{t('coverage.planTitle', { floor: view.floorName })}</h1>
        {!editing && (
          <div className="page-actions no-print">
            {canEdit && (
              <button type="button" className="button" onClick={() => setEditing(true)}>
                {t('coverage.edit')}
              </button>
            )}
            {planned && (
              <button
                type="button"
                className="button"
                onClick={() => setAdvise(!advise)}
                aria-pressed={advise}
              >
                {t('coverage.advise')}
              </button>
            )}
          </div>
        )}
      </header>
      {canEdit && !editing && <BackgroundForm view={view} />}
      {editing ? (
        <PlanEditor view={view} onDone={() => setEditing(false)} />
      ) : !planned ? (
        <p className="muted">{t('coverage.noPlan')}</p>
      ) : (
        <>
          {coverage.data && (
            <p className="plan-summary" data-testid="plan-summary">
              {t('coverage.summary', {
                share: percent(coverage.data.coveredShare),
                dead: coverage.data.deadZoneM2.toFixed(1),
                violations: coverage.data.violations.length,
              })}
            </p>
          )}
          <ErrorMessage error={coverage.error} />
          <div className="plan-layout">
            <PlanCanvas
              plan={draftOf(view)}
              areas={view.areas}
              coverage={coverage.data}
              advice={advise ? advice.data : undefined}
              background={background}
              title={t('coverage.planTitle', { floor: view.floorName })}
            />
            <div className="plan-side">
              <div>
                <PlanLegend />
                {advise && advice.data && (
                  <ol className="advice-list" data-testid="advice-list">
                    {advice.data.suggestions.map((s, i) => (
                      <li key={i}>
                        {t('coverage.adviceItem', { n: i + 1, m2: s.addedM2.toFixed(1) })}
                      </li>
                    ))}
                  </ol>
                )}
              </div>
              {coverage.data && <AreaCoverageTable areas={coverage.data.areas} />}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

export function FloorPlanPage() {
  const { floorId = '' } = useParams();
  const query = useFloorPlan(floorId);
  return <QueryState query={query}>{(view) => <PlanView view={view} />}</QueryState>;
}
