import { coverageRoutes as r } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { coverageContextOf as ctx } from '../coverage/coverage.routes.ts';
import type { ProgrammeService } from './programme.service.ts';

export function registerProgrammeRoutes(app: App, programme: ProgrammeService): void {
  registerRoute(app, r.programme, ({ request, params }) => programme.get(ctx(request), params.id));
  registerRoute(app, r.setStage, ({ request, params, body }) =>
    programme.setStage(ctx(request), params.id, body),
  );
  registerRoute(app, r.signOff, ({ request, params, body }) =>
    programme.signOff(ctx(request), params.id, body),
  );
  registerRoute(app, r.districtProgress, ({ request, params }) =>
    programme.district(ctx(request), params.id),
  );
  registerRoute(app, r.cityProgress, ({ request }) => programme.city(ctx(request)));
}
