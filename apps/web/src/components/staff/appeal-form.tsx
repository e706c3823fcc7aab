import { appealSchema, appealStatuses, blacklistRoutes } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';
import { useStaffMutation } from './staff-queries.ts';

type AppealStatus = Exclude<(typeof appealStatuses)[number], 'none'>;
const choices = appealStatuses.filter((s): s is AppealStatus => s !== 'none');

/** An appeal lodged, or its decision: upheld keeps the bar, overturned lifts it. */
export function AppealForm({ entryId, onDone }: { entryId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, set, errors, check } = useForm({
    status: 'pending',
    note: '',
    decidedOn: '',
  });
  const appeal = useStaffMutation(blacklistRoutes.appeal);
  const submit = () => {
    const body = check(appealSchema, {
      ...values,
      decidedOn: values.decidedOn === '' ? null : values.decidedOn,
    });
    if (body) appeal.mutate({ params: { id: entryId }, body }, { onSuccess: onDone });
  };
  return (
    <FormCard
      title={t('blacklist.appealTitle')}
      error={appeal.error}
      busy={appeal.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('blacklist.appealStatus')} error={errors.status}>
        <select
          name="status"
          value={values.status}
          onChange={(e) => set('status', e.target.value as AppealStatus)}
        >
          {choices.map((s) => (
            <option key={s} value={s}>
              {t(`blacklist.appeals.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('blacklist.decidedOn')} error={errors.decidedOn}>
        <input
          type="date"
          name="decidedOn"
          value={values.decidedOn}
          onChange={(e) => set('decidedOn', e.target.value)}
        />
      </Field>
      <Field label={t('blacklist.note')} error={errors.note}>
        <textarea name="note" value={values.note} onChange={(e) => set('note', e.target.value)} />
      </Field>
    </FormCard>
  );
}
