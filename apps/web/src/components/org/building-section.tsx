import { orgRoutes, type KindergartenPage } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { ToggleForm } from '../ui/toggle-form.tsx';
import { BuildingForm } from './building-form.tsx';
import { FloorForm } from './floor-form.tsx';
import { FloorSection } from './floor-section.tsx';

type Building = KindergartenPage['buildings'][number];

export function BuildingSection({
  building,
  canManage,
}: {
  building: Building;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const archive = useOrgMutation(orgRoutes.buildings.archive);
  const floors = [...building.floors].sort((a, b) => b.level - a.level);
  const nextLevel = Math.max(0, ...building.floors.map((f) => f.level)) + 1;

  return (
    <section className="card building" data-testid="building">
      {editing ? (
        <BuildingForm
          kindergartenId={building.kindergartenId}
          building={building}
          onDone={() => setEditing(false)}
        />
      ) : (
        <header className="card-header">
          <h3>{building.name}</h3>
          {canManage && (
            <div className="row-actions">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setEditing(true)}
              >
                {t('common.edit')}
              </button>
              <ConfirmButton
                label={t('common.archive')}
                question={t('common.archiveConfirm', { name: building.name })}
                busy={archive.isPending}
                onConfirm={() => archive.mutate({ params: { id: building.id } })}
              />
            </div>
          )}
        </header>
      )}
      <ErrorMessage error={archive.error} />
      {floors.length === 0 && <p className="muted">{t('layout.noFloors')}</p>}
      {floors.map((floor) => (
        <FloorSection key={floor.id} floor={floor} canManage={canManage} />
      ))}
      {canManage && (
        <ToggleForm label={t('layout.addFloor')}>
          {(close) => <FloorForm buildingId={building.id} nextLevel={nextLevel} onDone={close} />}
        </ToggleForm>
      )}
    </section>
  );
}
