import { staffRoutes, type Staff } from '@gardenwatch/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../ui/confirm-button.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useStaffMutation } from './staff-queries.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The leaving date, asked in place, for a person who leaves. */
function LeaveForm({ staff, onDone }: { staff: Staff; onDone: () => void }) {
  const { t } = useTranslation();
  const leave = useStaffMutation(staffRoutes.leave);
  const [leftOn, setLeftOn] = useState(today());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    leave.mutate({ params: { id: staff.id }, body: { leftOn } }, { onSuccess: onDone });
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('staff.leave')}>
      <label>
        {t('staff.leftOn')}
        <input
          type="date"
          name="leftOn"
          value={leftOn}
          onChange={(e) => setLeftOn(e.target.value)}
        />
      </label>
      <button type="submit" className="button button-primary" disabled={leave.isPending}>
        {t('staff.recordLeave')}
      </button>
      <button type="button" className="button button-quiet" onClick={onDone}>
        {t('common.cancel')}
      </button>
      <ErrorMessage error={leave.error} />
    </form>
  );
}

/** Activate (after a passed hiring check), suspend, or record leaving. */
export function StaffRowActions({ staff, onEdit }: { staff: Staff; onEdit: () => void }) {
  const { t } = useTranslation();
  const activate = useStaffMutation(staffRoutes.activate);
  const suspend = useStaffMutation(staffRoutes.suspend);
  const [leaving, setLeaving] = useState(false);
  if (leaving) return <LeaveForm staff={staff} onDone={() => setLeaving(false)} />;
  if (staff.status === 'left') return null;

  return (
    <div className="row-actions">
      <button type="button" className="button button-quiet" onClick={onEdit}>
        {t('common.edit')}
      </button>
      {staff.status !== 'active' && (
        <button
          type="button"
          className="button button-quiet"
          disabled={activate.isPending}
          onClick={() => activate.mutate({ params: { id: staff.id } })}
        >
          {t('staff.activate')}
        </button>
      )}
      {staff.status === 'active' && (
        <ConfirmButton
          label={t('staff.suspend')}
          question={t('staff.suspendConfirm', { name: staff.name })}
          busy={suspend.isPending}
          onConfirm={() => suspend.mutate({ params: { id: staff.id } })}
        />
      )}
      <button type="button" className="button button-quiet" onClick={() => setLeaving(true)}>
        {t('staff.leave')}
      </button>
      <ErrorMessage error={activate.error ?? suspend.error} />
      {activate.error !== null && <p className="field-hint">{t('staff.activateHint')}</p>}
    </div>
  );
}
