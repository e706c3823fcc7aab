import { healthRoutes } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf as ctx } from '../cameras/cameras.routes.ts';
import type { HealthServices } from './health.services.ts';

export function registerHealthRoutes(app: App, health: HealthServices): void {
  registerRoute(app, healthRoutes.kindergarten, ({ request, params }) =>
    health.reports.kindergarten(ctx(request), params.id),
  );
  registerRoute(app, healthRoutes.storage, ({ request, params }) =>
    health.reports.storage(ctx(request), params.id),
  );
  registerRoute(app, healthRoutes.workOrders, async ({ request, query }) => ({
    items: await health.monitor.workOrders.list(ctx(request), query.status),
  }));
  registerRoute(app, healthRoutes.overdue, async ({ request }) => ({
    items: await health.monitor.workOrders.overdue(ctx(request)),
  }));
  registerRoute(app, healthRoutes.close, async ({ request, params, body }) => {
    const order = await health.monitor.workOrders.close(ctx(request), params.id, body.note);
    // The maintainer has looked at the camera: its view now is the reference.
    await health.monitor.retakeReference(order.cameraId);
    return order;
  });
}
