import { roleSchema, type AuditRow } from '@gardenwatch/contracts';
import { useTranslation } from 'react-i18next';
import { cityTimeZone, formatDateTime } from '../../lib/time.ts';
import { Badge } from '../ui/badge.tsx';

const outcomeTone = { allowed: 'ok', succeeded: 'ok', denied: 'bad', failed: 'warn' } as const;

function ActorCell({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  if (row.actorUsername === null) return <span className="muted">{t('audit.system')}</span>;

  const role = roleSchema.safeParse(row.actorRole);
  const roleLabel = role.success ? t(`roles.${role.data}`) : row.actorRole;
  return (
    <span className="stack">
      <span>{row.actorUsername}</span>
      {roleLabel && <span className="muted small">{roleLabel}</span>}
    </span>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('audit.empty')}</p>;

  return (
    <div className="table-wrap">
      <table className="table table-stack" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.resource')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.requestId')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq} data-testid="audit-row">
              <td data-label={t('audit.time')} className="nowrap" title={cityTimeZone}>
                {formatDateTime(row.at, cityTimeZone)}
              </td>
              <td data-label={t('audit.actor')}>
                <ActorCell row={row} />
              </td>
              <td data-label={t('audit.action')}>
                <code>{row.action}</code>
              </td>
              <td data-label={t('audit.resource')}>
                <span className="stack">
                  <span>{row.resourceType}</span>
                  {row.resourceId && <code className="muted small">{row.resourceId}</code>}
                </span>
              </td>
              <td data-label={t('audit.outcome')}>
                <Badge tone={outcomeTone[row.outcome]}>{t(`audit.outcomes.${row.outcome}`)}</Badge>
              </td>
              <td data-label={t('audit.requestId')}>
                <code className="muted small">{row.requestId ?? t('common.none')}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
