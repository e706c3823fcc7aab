import {
  areaCreate,
  areaKinds,
  areaUpdate,
  keyAreaKindsByDefault,
  neverFilmedKinds,
  orgRoutes,
  type AreaKind,
} from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { useOrgMutation } from '../../hooks/use-org-mutation.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';

interface AreaFormProps {
  floorId: string;
  area?: { id: string; name: string; kind: AreaKind; isKey: boolean };
  onDone: () => void;
}

/** An area's name and kind; the key-area flag follows the kind until someone sets it. */
export function AreaForm({ floorId, area, onDone }: AreaFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    name: area?.name ?? '',
    kind: area?.kind ?? 'classroom',
    isKey: area?.isKey ?? keyAreaKindsByDefault.has('classroom'),
  });
  const create = useOrgMutation(orgRoutes.areas.create);
  const update = useOrgMutation(orgRoutes.areas.update);
  const mutation = area ? update : create;

  const chooseKind = (kind: AreaKind) => {
    form.set('kind', kind);
    form.set('isKey', keyAreaKindsByDefault.has(kind));
  };

  const submit = () => {
    if (area) {
      const body = form.check(areaUpdate, form.values);
      if (body) update.mutate({ params: { id: area.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = form.check(areaCreate, { floorId, ...form.values });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={area ? t('layout.editArea') : t('layout.addArea')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('layout.areaName')} error={form.errors.name}>
        <input
          name="name"
          value={form.values.name}
          onChange={(e) => form.set('name', e.target.value)}
        />
      </Field>
      <Field
        label={t('layout.areaKind')}
        hint={neverFilmedKinds.has(form.values.kind) ? t('layout.neverFilmedHint') : undefined}
        error={form.errors.kind}
      >
        <select
          name="kind"
          value={form.values.kind}
          onChange={(e) => chooseKind(e.target.value as AreaKind)}
        >
          {areaKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`areaKinds.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox" title={t('layout.isKeyHint')}>
        <input
          type="checkbox"
          name="isKey"
          checked={form.values.isKey}
          onChange={(e) => form.set('isKey', e.target.checked)}
        />
        {t('layout.isKey')}
      </label>
    </FormCard>
  );
}
