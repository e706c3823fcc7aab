import { floorCreate, floorUpdate, orgRoutes } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';

interface FloorFormProps {
  buildingId: string;
  floor?: { id: string; name: string; level: number };
  /** The level offered for a new floor: one above the highest. */
  nextLevel?: number;
  onDone: () => void;
}

export function FloorForm({ buildingId, floor, nextLevel = 1, onDone }: FloorFormProps) {
  const { t } = useTranslation();
  const form = useForm({ name: floor?.name ?? '', level: String(floor?.level ?? nextLevel) });
  const create = useOrgMutation(orgRoutes.floors.create);
  const update = useOrgMutation(orgRoutes.floors.update);
  const mutation = floor ? update : create;

  const submit = () => {
    const values = { name: form.values.name, level: Number(form.values.level) };
    if (floor) {
      const body = form.check(floorUpdate, values);
      if (body) update.mutate({ params: { id: floor.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = form.check(floorCreate, { buildingId, ...values });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={floor ? t('layout.editFloor') : t('layout.addFloor')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('layout.floorName')} error={form.errors.name}>
        <input
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
        />
      </Field>
      <Field label={t('layout.floorLevel')} error={form.errors.level}>
        <input
          name="level"
          type="number"
          inputMode="numeric"
          value={form.values.level}
          onChange={(e) => form.set('level', e.target.value)}
        />
      </Field>
    </FormCard>
  );
}
