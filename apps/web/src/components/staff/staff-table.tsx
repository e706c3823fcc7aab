import type { Staff } from '@gardenwatch/contracts';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge.tsx';
import { StaffForm } from './staff-form.tsx';
import { formatYuan } from './staff-format.ts';
import { StaffHistory } from './staff-history.tsx';
import { StaffRowActions } from './staff-row-actions.tsx';

const statusTone = {
  active: 'ok',
  pending_check: 'warn',
  suspended: 'bad',
  left: 'neutral',
} as const;
const COLUMNS = 8;

function certificateExpired(staff: Staff): boolean {
  const until = staff.certificateValidUntil;
  return until !== null && until < new Date().toISOString().slice(0, 10);
}

function StaffMarks({ staff }: { staff: Staff }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge tone={statusTone[staff.status]}>{t(`staff.statuses.${staff.status}`)}</Badge>
      {staff.employedElsewhere && <Badge tone="warn">{t('staff.employedElsewhere')}</Badge>}
      {staff.flags.map((flag) => (
        <Badge key={flag.id} tone="bad">
          {t(`staff.flags.${flag.kind}`)}
        </Badge>
      ))}
    </>
  );
}

function StaffRow({ staff, canManage }: { staff: Staff; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'history' | null>(null);
  const toggleHistory = () => setOpen((o) => (o === 'history' ? null : 'history'));
  return (
    <Fragment>
      <tr data-testid="staff-row">
        <td data-label={t('staff.name')}>{staff.name}</td>
        <td data-label={t('staff.identityNumber')}>
          <code className="nowrap">{staff.identityNumber}</code>
        </td>
        <td data-label={t('staff.role')}>{t(`staff.roles.${staff.role}`)}</td>
        <td data-label={t('staff.education')}>{t(`staff.educationLevels.${staff.education}`)}</td>
        <td data-label={t('staff.certificate')}>
          {staff.certificateNumber ?? t('common.none')}
          {staff.certificateValidUntil && (
            <span className="muted small block">
              {t('staff.validUntil', { date: staff.certificateValidUntil })}
            </span>
          )}
          {certificateExpired(staff) && <Badge tone="bad">{t('staff.expired')}</Badge>}
        </td>
        <td data-label={t('staff.dates')}>
          {staff.hiredOn}
          {staff.leftOn && <span className="block">→ {staff.leftOn}</span>}
        </td>
        <td data-label={t('staff.monthlyPay')} className="num">
          {formatYuan(staff.monthlyPayFen, i18n.language)}
        </td>
        <td data-label={t('staff.status')}>
          <StaffMarks staff={staff} />
          <div className="row-actions">
            <button
              type="button"
              className="button button-quiet"
              aria-expanded={open === 'history'}
              onClick={toggleHistory}
            >
              {t('staff.history')}
            </button>
          </div>
          {canManage && <StaffRowActions staff={staff} onEdit={() => setOpen('edit')} />}
        </td>
      </tr>
      {open !== null && (
        <tr className="staff-detail">
          <td colSpan={COLUMNS}>
            {open === 'edit' ? (
              <StaffForm
                kindergartenId={staff.kindergartenId}
                staff={staff}
                onDone={() => setOpen(null)}
              />
            ) : (
              <StaffHistory staffId={staff.id} />
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

export function StaffTable({ staff, canManage }: { staff: Staff[]; canManage: boolean }) {
  const { t } = useTranslation();
  if (staff.length === 0) return <p className="muted">{t('staff.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table-stack" data-testid="staff-table">
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.identityNumber')}</th>
            <th scope="col">{t('staff.role')}</th>
            <th scope="col">{t('staff.education')}</th>
            <th scope="col">{t('staff.certificate')}</th>
            <th scope="col">{t('staff.dates')}</th>
            <th scope="col">{t('staff.monthlyPay')}</th>
            <th scope="col">{t('staff.status')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <StaffRow key={s.id} staff={s} canManage={canManage} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
