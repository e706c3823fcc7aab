import { districtCreate, districtUpdate, orgRoutes, type District } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';

interface DistrictFormProps {
  cityId: string;
  district?: District;
  onDone: () => void;
}

/** Create a district of the city, or change one (city administrators). */
export function DistrictForm({ cityId, district, onDone }: DistrictFormProps) {
  const { t } = useTranslation();
  const form = useForm({ name: district?.name ?? '', adminCode: district?.adminCode ?? '' });
  const create = useOrgMutation(orgRoutes.districts.create);
  const update = useOrgMutation(orgRoutes.districts.update);
  const mutation = district ? update : create;

  const submit = () => {
    if (district) {
      const body = form.check(districtUpdate, form.values);
      if (body) update.mutate({ params: { id: district.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = form.check(districtCreate, { cityId, ...form.values });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={district ? t('district.edit') : t('overview.addDistrict')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('district.name')} error={form.errors.name}>
        <input
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
        />
      </Field>
      <Field
        label={t('district.adminCode')}
        hint={t('district.adminCodeHint')}
        error={form.errors.adminCode}
      >
        <input
          name="adminCode"
          inputMode="numeric"
          value={form.values.adminCode}
          onChange={(e) => form.set('adminCode', e.target.value)}
        />
      </Field>
    </FormCard>
  );
}
