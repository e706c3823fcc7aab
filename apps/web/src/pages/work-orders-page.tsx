import { useTranslation } from 'react-i18next';
import { useOverdueWorkOrders, useWorkOrders } from '../components/health/health-queries.ts';
import { WorkOrderList } from '../components/health/work-order-list.tsx';
import { QueryState } from '../components/ui/query-state.tsx';
import { useActor } from '../hooks/use-actor.ts';

/**
 * Maintainers (and principals) see the open orders of their kindergartens and close them with
 * a note; district reviewers and city administrators see the orders past due.
 */
export function WorkOrdersPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const manages = ['maintainer', 'principal', 'city_admin'].includes(actor.role);
  const oversees = actor.role === 'district_reviewer' || actor.role === 'city_admin';
  const open = useWorkOrders('open', manages);
  const overdue = useOverdueWorkOrders(oversees);
  return (
    <div className="page page-narrow" data-testid="work-orders-page">
      <header className="page-header">
        <h1>{t('workOrders.title')}</h1>
        <p>{t('workOrders.intro')}</p>
      </header>
      {oversees && (
        <section data-testid="overdue-orders">
          <h2 className="section-title">{t('workOrders.overdueTitle')}</h2>
          <QueryState query={overdue}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="muted">{t('workOrders.noneOverdue')}</p>
              ) : (
                <WorkOrderList items={data.items} canClose={false} />
              )
            }
          </QueryState>
        </section>
      )}
      {manages && (
        <section data-testid="open-orders">
          <h2 className="section-title">{t('workOrders.openTitle')}</h2>
          <QueryState query={open}>
            {(data) =>
              data.items.length === 0 ? (
                <p className="muted">{t('workOrders.none')}</p>
              ) : (
                <WorkOrderList items={data.items} canClose />
              )
            }
          </QueryState>
        </section>
      )}
    </div>
  );
}
