import { useTranslation } from 'react-i18next';
import { cityTimeZone, formatDateTime } from '../../lib/time.ts';
import { QueryState } from '../ui/query-state.tsx';
import { formatYuan } from './staff-format.ts';
import { useStaffHistory } from './staff-queries.ts';

/** Every version of one record, newest first: what changed, when, and from where. */
export function StaffHistory({ staffId }: { staffId: string }) {
  const { t, i18n } = useTranslation();
  const history = useStaffHistory(staffId);
  return (
    <section className="staff-history" aria-label={t('staff.historyTitle')}>
      <h3>{t('staff.historyTitle')}</h3>
      <QueryState query={history}>
        {(data) => (
          <div className="table-wrap">
            <table className="table table-stack" data-testid="staff-history">
              <thead>
                <tr>
                  <th scope="col">{t('staff.version')}</th>
                  <th scope="col">{t('staff.validFrom')}</th>
                  <th scope="col">{t('staff.changeSource')}</th>
                  <th scope="col">{t('staff.name')}</th>
                  <th scope="col">{t('staff.role')}</th>
                  <th scope="col">{t('staff.education')}</th>
                  <th scope="col">{t('staff.monthlyPay')}</th>
                  <th scope="col">{t('staff.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((v) => (
                  <tr key={v.version}>
                    <td data-label={t('staff.version')}>{v.version}</td>
                    <td data-label={t('staff.validFrom')}>
                      {formatDateTime(v.validFrom, cityTimeZone)}
                    </td>
                    <td data-label={t('staff.changeSource')}>
                      {t(`staff.changeSources.${v.changeSource}`)}
                    </td>
                    <td data-label={t('staff.name')}>{v.name}</td>
                    <td data-label={t('staff.role')}>{t(`staff.roles.${v.role}`)}</td>
                    <td data-label={t('staff.education')}>
                      {t(`staff.educationLevels.${v.education}`)}
                    </td>
                    <td data-label={t('staff.monthlyPay')} className="num">
                      {formatYuan(v.monthlyPayFen, i18n.language)}
                    </td>
                    <td data-label={t('staff.status')}>{t(`staff.statuses.${v.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
