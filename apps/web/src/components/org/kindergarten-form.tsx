import {
  kindergartenCreate,
  kindergartenTypes,
  kindergartenUpdate,
  orgRoutes,
  type Kindergarten,
  type KindergartenType,
} from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';

interface KindergartenFormProps {
  districtId: string;
  kindergarten?: Kindergarten;
  onDone: () => void;
}

/** Create a kindergarten in a district, or change its facts (city administrators). */
export function KindergartenForm({ districtId, kindergarten, onDone }: KindergartenFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    name: kindergarten?.name ?? '',
    address: kindergarten?.address ?? '',
    type: kindergarten?.type ?? 'public',
    childrenCount: String(kindergarten?.childrenCount ?? ''),
  });
  const create = useOrgMutation(orgRoutes.kindergartens.create);
  const update = useOrgMutation(orgRoutes.kindergartens.update);
  const mutation = kindergarten ? update : create;

  const submit = () => {
    const values = {
      ...form.values,
      childrenCount:
        form.values.childrenCount.trim() === '' ? NaN : Number(form.values.childrenCount),
    };
    if (kindergarten) {
      const body = form.check(kindergartenUpdate, values);
      if (body) update.mutate({ params: { id: kindergarten.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = form.check(kindergartenCreate, { districtId, ...values });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={kindergarten ? t('kindergarten.edit') : t('district.addKindergarten')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('kindergarten.name')} error={form.errors.name}>
        <input
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
        />
      </Field>
      <Field label={t('kindergarten.address')} error={form.errors.address}>
        <input
          name="address"
          value={form.values.address}
          onChange={(e) => form.set('address', e.target.value)}
        />
      </Field>
      <Field label={t('kindergarten.type')} error={form.errors.type}>
        <select
          name="type"
          value={form.values.type}
          onChange={(e) => form.set('type', e.target.value as KindergartenType)}
        >
          {kindergartenTypes.map((type) => (
            <option key={type} value={type}>
              {t(`kindergartenTypes.${type}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('kindergarten.children')} error={form.errors.childrenCount}>
        <input
          name="childrenCount"
          type="number"
          min={0}
          inputMode="numeric"
          value={form.values.childrenCount}
          onChange={(e) => form.set('childrenCount', e.target.value)}
        />
      </Field>
    </FormCard>
  );
}
