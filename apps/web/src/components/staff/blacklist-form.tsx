import { z } from 'zod';
import {
  blacklistFieldsSchema,
  blacklistReasons,
  blacklistRoutes,
  createBlacklistEntrySchema,
  type BlacklistEntry,
} from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';
import { useStaffMutation } from './staff-queries.ts';

type Reason = (typeof blacklistReasons)[number];

/** The update route's body (its contract keeps the schema inline). */
const updateSchema = blacklistFieldsSchema
  .partial()
  .extend({ note: z.string().trim().min(1).max(1000) });

function initialValues(entry: BlacklistEntry | undefined) {
  return {
    identityNumber: '',
    name: entry?.name ?? '',
    reason: entry?.reason ?? 'child_abuse',
    decisionDocument: entry?.decisionDocument ?? '',
    decisionAuthority: entry?.decisionAuthority ?? '',
    decisionDate: entry?.decisionDate ?? '',
    until: entry?.until ?? '',
    note: '',
  };
}

/** Add an entry, or correct one with a note saying why; the server re-screens staff after. */
export function BlacklistForm({ entry, onDone }: { entry?: BlacklistEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const { values, set, errors, check } = useForm(initialValues(entry));
  const create = useStaffMutation(blacklistRoutes.create);
  const update = useStaffMutation(blacklistRoutes.update);
  const mutation = entry ? update : create;

  const submit = () => {
    const fields = {
      name: values.name,
      reason: values.reason,
      decisionDocument: values.decisionDocument,
      decisionAuthority: values.decisionAuthority,
      decisionDate: values.decisionDate,
      until: values.until === '' ? null : values.until,
    };
    if (entry) {
      const body = check(updateSchema, { ...fields, note: values.note });
      if (body) update.mutate({ params: { id: entry.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = check(createBlacklistEntrySchema, {
      ...fields,
      identityNumber: values.identityNumber,
    });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={entry ? t('blacklist.editTitle') : t('blacklist.addTitle')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      {!entry && (
        <Field
          label={t('staff.identityNumber')}
          hint={t('staff.identityHint')}
          error={errors.identityNumber}
        >
          <input
            name="identityNumber"
            autoComplete="off"
            maxLength={18}
            value={values.identityNumber}
            onChange={(e) => set('identityNumber', e.target.value)}
          />
        </Field>
      )}
      <Field label={t('staff.name')} error={errors.name}>
        <input name="name" value={values.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      <Field label={t('blacklist.reason')} error={errors.reason}>
        <select
          name="reason"
          value={values.reason}
          onChange={(e) => set('reason', e.target.value as Reason)}
        >
          {blacklistReasons.map((r) => (
            <option key={r} value={r}>
              {t(`blacklist.reasons.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('blacklist.decisionDocument')} error={errors.decisionDocument}>
        <input
          name="decisionDocument"
          value={values.decisionDocument}
          onChange={(e) => set('decisionDocument', e.target.value)}
        />
      </Field>
      <Field label={t('blacklist.decisionAuthority')} error={errors.decisionAuthority}>
        <input
          name="decisionAuthority"
          value={values.decisionAuthority}
          onChange={(e) => set('decisionAuthority', e.target.value)}
        />
      </Field>
      <Field label={t('blacklist.decisionDate')} error={errors.decisionDate}>
        <input
          type="date"
          name="decisionDate"
          value={values.decisionDate}
          onChange={(e) => set('decisionDate', e.target.value)}
        />
      </Field>
      <Field label={t('blacklist.until')} hint={t('blacklist.untilHint')} error={errors.until}>
        <input
          type="date"
          name="until"
          value={values.until}
          onChange={(e) => set('until', e.target.value)}
        />
      </Field>
      {entry && (
        <Field label={t('blacklist.note')} hint={t('blacklist.noteHint')} error={errors.note}>
          <textarea name="note" value={values.note} onChange={(e) => set('note', e.target.value)} />
        </Field>
      )}
    </FormCard>
  );
}
