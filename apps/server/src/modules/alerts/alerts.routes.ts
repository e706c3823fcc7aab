import { alertLivePath, alertRoutes, alertSnapshotPath, idParams } from '@gardenwatch/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf as ctx } from '../cameras/cameras.routes.ts';
import { checkSameOrigin } from '../live/live.routes.ts';
import { registerAnalysisRoutes } from '../analysis/analysis.routes.ts';
import type { AlertsServices } from './alerts.services.ts';

const HEARTBEAT_MS = 15_000;

export function registerAlertRoutes(app: App, services: AlertsServices): void {
  const { alerts, live } = services;
  app.addHook('onClose', () => services.stop());

  registerAnalysisRoutes(app, services);
  registerRoute(app, alertRoutes.list, async ({ request, query }) => ({
    items: await alerts.list(ctx(request), query),
  }));
  registerRoute(app, alertRoutes.precision, async ({ request, query }) => ({
    items: await alerts.precision(ctx(request), query.kindergartenId),
  }));
  registerRoute(app, alertRoutes.get, async ({ request, params }) => ({
    alert: await alerts.get(ctx(request), params.id),
  }));
  registerRoute(app, alertRoutes.acknowledge, async ({ request, params, body }) => ({
    alert: await alerts.change(ctx(request), params.id, 'acknowledged', body.note),
  }));
  registerRoute(app, alertRoutes.resolve, async ({ request, params, body }) => ({
    alert: await alerts.change(ctx(request), params.id, 'resolved', body.note),
  }));
  registerRoute(app, alertRoutes.falseAlarm, async ({ request, params, body }) => ({
    alert: await alerts.change(ctx(request), params.id, 'false_alarm', body.note),
  }));

  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      alertSnapshotPath,
      { schema: { tags: ['alerts'], params: idParams } },
      async (request, reply) => {
        const jpeg = await alerts.snapshot(ctx(request), request.params.id);
        return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
      },
    );

  app.get(
    alertLivePath,
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request) => {
        checkSameOrigin(request);
        if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
      },
    },
    (socket, request) => {
      const actor = request.actor;
      if (!actor) return socket.close(1008, 'not signed in');
      const remove = live.add({
        actor,
        send: (message) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
        },
      });
      const heartbeat = setInterval(() => socket.ping(), HEARTBEAT_MS);
      socket.once('close', () => {
        clearInterval(heartbeat);
        remove();
      });
    },
  );
}
