import type { FootageRequest } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Requests with their number, window, reason, status and deadline; overdue ones marked. */
export function RequestList({ items, testId }: { items: FootageRequest[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  if (items.length === 0) return <p className="muted">{t('requests.none')}</p>;
  return (
    <table className="table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('requests.number')}</th>
          <th>{t('requests.window')}</th>
          <th>{t('requests.reason')}</th>
          <th>{t('requests.status')}</th>
          <th>{t('requests.due')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
            <td>
              <Link to={`/requests/${r.id}`}>#{r.number}</Link>
            </td>
            <td>
              {when(r.from)} – {new Date(r.to).toLocaleTimeString(i18n.language)}
            </td>
            <td>{t(`requests.reasons.${r.reason}`)}</td>
            <td data-testid="request-status">{t(`requests.statuses.${r.status}`)}</td>
            <td>
              {when(r.dueAt)}
              {r.overdue && <strong className="badge-warn"> {t('requests.overdue')}</strong>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
