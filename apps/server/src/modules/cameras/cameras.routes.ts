import { cameraRoutes } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { requireActor } from '../identity/authorize.ts';
import type { CameraContext, CamerasService } from './cameras.service.ts';

export function cameraContextOf(request: FastifyRequest): CameraContext {
  return { actor: requireActor(request), requestId: request.id, ip: request.ip };
}

export function registerCameraRoutes(app: App, cameras: CamerasService): void {
  registerRoute(app, cameraRoutes.list, async ({ request, query }) => ({
    items: await cameras.list(cameraContextOf(request), query),
  }));
  registerRoute(app, cameraRoutes.get, ({ request, params }) =>
    cameras.get(cameraContextOf(request), params.id),
  );
  registerRoute(app, cameraRoutes.create, ({ request, body }) =>
    cameras.create(cameraContextOf(request), body),
  );
  registerRoute(app, cameraRoutes.update, ({ request, params, body }) =>
    cameras.update(cameraContextOf(request), params.id, body),
  );
  registerRoute(app, cameraRoutes.probe, ({ request, params }) =>
    cameras.reprobe(cameraContextOf(request), params.id),
  );
  registerRoute(app, cameraRoutes.archive, ({ request, params }) =>
    cameras.archive(cameraContextOf(request), params.id),
  );
}
