import { gatewayRoutes } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { requireActor } from '../identity/authorize.ts';
import type { GatewayServices } from './gateway.services.ts';
import type { GatewayContext } from './gateway-settings.service.ts';

const contextOf = (request: FastifyRequest): GatewayContext => ({
  actor: requireActor(request),
  requestId: request.id,
  ip: request.ip,
});

export function registerGatewayRoutes(app: App, gateway: GatewayServices): void {
  registerRoute(app, gatewayRoutes.getSettings, ({ request }) =>
    gateway.settings.get(contextOf(request)),
  );
  registerRoute(app, gatewayRoutes.updateSettings, ({ request, body }) =>
    gateway.settings.update(contextOf(request), body),
  );
  registerRoute(app, gatewayRoutes.state, async ({ request }) => {
    await gateway.settings.allow(contextOf(request));
    return gateway.runtime.state();
  });

  // The gateway runs with the HTTP server: started when it is ready, stopped when it closes.
  app.addHook('onReady', async () => {
    await gateway.runtime.restart().catch((error: unknown) => {
      app.log.error({ err: error }, 'gateway.start_failed');
    });
  });
  app.addHook('onClose', async () => {
    await gateway.runtime.stop();
  });
}
