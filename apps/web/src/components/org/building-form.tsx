import { buildingCreate, buildingUpdate, orgRoutes } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';

interface BuildingFormProps {
  kindergartenId: string;
  building?: { id: string; name: string };
  onDone: () => void;
}

export function BuildingForm({ kindergartenId, building, onDone }: BuildingFormProps) {
  const { t } = useTranslation();
  const form = useForm({ name: building?.name ?? '' });
  const create = useOrgMutation(orgRoutes.buildings.create);
  const update = useOrgMutation(orgRoutes.buildings.update);
  const mutation = building ? update : create;

  const submit = () => {
    if (building) {
      const body = form.check(buildingUpdate, form.values);
      if (body) update.mutate({ params: { id: building.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = form.check(buildingCreate, { kindergartenId, ...form.values });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={building ? t('layout.editBuilding') : t('layout.addBuilding')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('layout.buildingName')} error={form.errors.name}>
        <input
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
        />
      </Field>
    </FormCard>
  );
}
