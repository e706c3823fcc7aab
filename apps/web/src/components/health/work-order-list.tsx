import type { WorkOrder } from '@gardenwatch/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Badge } from '../ui/badge.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useCloseWorkOrder } from './health-queries.ts';

function CloseForm({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const close = useCloseWorkOrder();
  const [note, setNote] = useState('');
  return (
    <form
      className="work-order-close"
      onSubmit={(event) => {
        event.preventDefault();
        close.mutate({ id: order.id, note });
      }}
    >
      <label>
        {t('workOrders.note')}
        <textarea value={note} rows={2} required onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={close.isPending || note.trim() === ''}>
        {t('workOrders.close')}
      </button>
      <ErrorMessage error={close.error} />
    </form>
  );
}

/** Work orders as cards; open ones carry the close form when the reader may close them. */
export function WorkOrderList({ items, canClose }: { items: WorkOrder[]; canClose: boolean }) {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <ul className="work-orders">
      {items.map((order) => (
        <li key={order.id} className="card" data-testid="work-order">
          <p>
            <strong>{order.cameraName}</strong>{' '}
            <Badge tone="warn">{t(`health.fault.${order.fault}`)}</Badge>{' '}
            {order.overdue && <Badge tone="bad">{t('workOrders.overdue')}</Badge>}{' '}
            {order.closedAt && <Badge tone="ok">{t('workOrders.closed')}</Badge>}
          </p>
          <p className="muted small">
            {t('workOrders.faultSince', { time: time(order.faultSince) })} ·{' '}
            {t('workOrders.due', { time: time(order.dueAt) })} ·{' '}
            <Link to={`/kindergartens/${order.kindergartenId}/health`}>{t('health.title')}</Link>
          </p>
          {order.note && <p>{t('workOrders.noteShown', { note: order.note })}</p>}
          {canClose && !order.closedAt && <CloseForm order={order} />}
        </li>
      ))}
    </ul>
  );
}
