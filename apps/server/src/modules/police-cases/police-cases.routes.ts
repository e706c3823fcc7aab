import { policeCaseRoutes as r } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf as ctx } from '../cameras/cameras.routes.ts';
import type { PoliceCasesService } from './police-cases.service.ts';

export function registerPoliceCaseRoutes(app: App, cases: PoliceCasesService): void {
  registerRoute(app, r.create, ({ request, body }) => cases.create(ctx(request), body));
  registerRoute(app, r.list, async ({ request }) => ({ items: await cases.list(ctx(request)) }));
  registerRoute(app, r.decideArea, ({ request, params, body }) =>
    cases.decideArea(ctx(request), { caseId: params.id, areaId: params.areaId }, body.approve),
  );
  registerRoute(app, r.close, ({ request, params }) => cases.close(ctx(request), params.id));
}
