import { orgRoutes, type KindergartenPage } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { ToggleForm } from '../ui/toggle-form.tsx';
import { AreaForm } from './area-form.tsx';
import { AreaRow } from './area-row.tsx';
import { FloorForm } from './floor-form.tsx';

type Floor = KindergartenPage['buildings'][number]['floors'][number];

export function FloorSection({ floor, canManage }: { floor: Floor; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const archive = useOrgMutation(orgRoutes.floors.archive);

  return (
    <section className="floor" data-testid="floor">
      {editing ? (
        <FloorForm buildingId={floor.buildingId} floor={floor} onDone={() => setEditing(false)} />
      ) : (
        <header className="floor-header">
          <h4>
            <span className="floor-level">
              {t('layout.floorLevelValue', { level: floor.level })}
            </span>
            {floor.name}
          </h4>
          <Link className="button button-quiet" to={`/floors/${floor.id}/plan`}>
            {t('coverage.floorPlan')}
          </Link>
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
                question={t('common.archiveConfirm', { name: floor.name })}
                busy={archive.isPending}
                onConfirm={() => archive.mutate({ params: { id: floor.id } })}
              />
            </div>
          )}
        </header>
      )}
      <ErrorMessage error={archive.error} />
      {floor.areas.length === 0 ? (
        <p className="muted">{t('layout.noAreas')}</p>
      ) : (
        <ul className="areas">
          {floor.areas.map((area) => (
            <AreaRow key={area.id} area={area} canManage={canManage} />
          ))}
        </ul>
      )}
      {canManage && (
        <ToggleForm label={t('layout.addArea')}>
          {(close) => <AreaForm floorId={floor.id} onDone={close} />}
        </ToggleForm>
      )}
    </section>
  );
}
