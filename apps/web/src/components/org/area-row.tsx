import { orgRoutes, type KindergartenPage } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { Badge } from '../ui/badge.tsx';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { AreaForm } from './area-form.tsx';

type Area = KindergartenPage['buildings'][number]['floors'][number]['areas'][number];

export function AreaRow({ area, canManage }: { area: Area; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const archive = useOrgMutation(orgRoutes.areas.archive);
  if (editing) {
    return (
      <li className="area area-editing">
        <AreaForm floorId={area.floorId} area={area} onDone={() => setEditing(false)} />
      </li>
    );
  }

  return (
    <li className="area" data-testid="area">
      <div className="area-main">
        <span className="area-name">{area.name}</span>
        <span className="area-kind">{t(`areaKinds.${area.kind}`)}</span>
      </div>
      <div className="area-badges">
        {area.isKey && <Badge tone="key">{t('layout.keyArea')}</Badge>}
        {area.neverFilmed && <Badge tone="never">{t('layout.neverFilmed')}</Badge>}
      </div>
      {canManage && (
        <div className="row-actions">
          <button type="button" className="button button-quiet" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </button>
          <ConfirmButton
            label={t('common.archive')}
            question={t('common.archiveConfirm', { name: area.name })}
            busy={archive.isPending}
            onConfirm={() => archive.mutate({ params: { id: area.id } })}
          />
        </div>
      )}
      <ErrorMessage error={archive.error} />
    </li>
  );
}
