import {
  createStaffSchema,
  educationLevels,
  staffRoles,
  staffRoutes,
  updateStaffSchema,
  type Staff,
} from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../hooks/use-form.ts';
import { Field } from '../ui/field.tsx';
import { FormCard } from '../ui/form-card.tsx';
import { parseYuan } from './staff-format.ts';
import { useStaffMutation } from './staff-queries.ts';

interface StaffFormProps {
  kindergartenId: string;
  /** The record to change; a new person is registered when absent. */
  staff?: Staff;
  onDone: () => void;
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

function initialValues(staff: Staff | undefined) {
  return {
    name: staff?.name ?? '',
    identityNumber: '',
    role: staff?.role ?? 'teacher',
    education: staff?.education ?? 'associate',
    certificateNumber: staff?.certificateNumber ?? '',
    certificateValidUntil: staff?.certificateValidUntil ?? '',
    hiredOn: staff?.hiredOn ?? '',
    leftOn: staff?.leftOn ?? '',
    pay: staff ? String(staff.monthlyPayFen / 100) : '',
  };
}

/** Register a person or change their record; every save writes a new version on the server. */
export function StaffForm({ kindergartenId, staff, onDone }: StaffFormProps) {
  const { t } = useTranslation();
  const { values, set, errors, check } = useForm(initialValues(staff));
  const create = useStaffMutation(staffRoutes.create);
  const update = useStaffMutation(staffRoutes.update);
  const mutation = staff ? update : create;

  const submit = () => {
    const pay = parseYuan(values.pay);
    const fields = {
      name: values.name,
      role: values.role,
      education: values.education,
      certificateNumber: blankToNull(values.certificateNumber),
      certificateValidUntil: blankToNull(values.certificateValidUntil),
      hiredOn: values.hiredOn,
      leftOn: blankToNull(values.leftOn),
      monthlyPayFen: pay ?? Number.NaN,
    };
    if (staff) {
      const body = check(updateStaffSchema, fields);
      if (body) update.mutate({ params: { id: staff.id }, body }, { onSuccess: onDone });
      return;
    }
    const body = check(createStaffSchema, {
      ...fields,
      kindergartenId,
      identityNumber: values.identityNumber,
    });
    if (body) create.mutate({ body }, { onSuccess: onDone });
  };

  return (
    <FormCard
      title={staff ? t('staff.editTitle', { name: staff.name }) : t('staff.addTitle')}
      error={mutation.error}
      busy={mutation.isPending}
      onSubmit={submit}
      onCancel={onDone}
    >
      <Field label={t('staff.name')} error={errors.name}>
        <input name="name" value={values.name} onChange={(e) => set('name', e.target.value)} />
      </Field>
      {staff ? (
        <Field label={t('staff.identityNumber')} hint={t('staff.identityFixed')}>
          <input name="identityNumber" value={staff.identityNumber} readOnly />
        </Field>
      ) : (
        <Field
          label={t('staff.identityNumber')}
          hint={t('staff.identityHint')}
          error={errors.identityNumber}
        >
          <input
            name="identityNumber"
            inputMode="text"
            autoComplete="off"
            maxLength={18}
            value={values.identityNumber}
            onChange={(e) => set('identityNumber', e.target.value)}
          />
        </Field>
      )}
      <Field label={t('staff.role')} error={errors.role}>
        <select
          name="role"
          value={values.role}
          onChange={(e) => set('role', e.target.value as typeof values.role)}
        >
          {staffRoles.map((role) => (
            <option key={role} value={role}>
              {t(`staff.roles.${role}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('staff.education')} error={errors.education}>
        <select
          name="education"
          value={values.education}
          onChange={(e) => set('education', e.target.value as typeof values.education)}
        >
          {educationLevels.map((level) => (
            <option key={level} value={level}>
              {t(`staff.educationLevels.${level}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('staff.certificateNumber')} error={errors.certificateNumber}>
        <input
          name="certificateNumber"
          value={values.certificateNumber}
          onChange={(e) => set('certificateNumber', e.target.value)}
        />
      </Field>
      <Field label={t('staff.certificateValidUntil')} error={errors.certificateValidUntil}>
        <input
          type="date"
          name="certificateValidUntil"
          value={values.certificateValidUntil}
          onChange={(e) => set('certificateValidUntil', e.target.value)}
        />
      </Field>
      <Field label={t('staff.hiredOn')} error={errors.hiredOn}>
        <input
          type="date"
          name="hiredOn"
          value={values.hiredOn}
          onChange={(e) => set('hiredOn', e.target.value)}
        />
      </Field>
      <Field label={t('staff.leftOn')} hint={t('staff.leftOnHint')} error={errors.leftOn}>
        <input
          type="date"
          name="leftOn"
          value={values.leftOn}
          onChange={(e) => set('leftOn', e.target.value)}
        />
      </Field>
      <Field label={t('staff.monthlyPay')} hint={t('staff.payHint')} error={errors.monthlyPayFen}>
        <input
          name="monthlyPay"
          inputMode="decimal"
          value={values.pay}
          onChange={(e) => set('pay', e.target.value)}
        />
      </Field>
    </FormCard>
  );
}
