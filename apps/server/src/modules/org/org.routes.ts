import { orgRoutes } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import type { OrgContext } from './org-access.ts';
import type { OrgServices } from './org.services.ts';

export function contextOf(request: FastifyRequest): OrgContext {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}

export function registerOrgRoutes(app: App, org: OrgServices): void {
  const { structure, views } = org;

  registerRoute(app, orgRoutes.tree, ({ request }) => views.tree(contextOf(request)));
  registerRoute(app, orgRoutes.kindergartenPage, ({ request, params }) =>
    views.kindergartenPage(contextOf(request), params.id),
  );

  const d = orgRoutes.districts;
  registerRoute(app, d.list, async ({ request, query }) => ({
    items: await structure.listDistricts(contextOf(request), query.includeArchived),
  }));
  registerRoute(app, d.create, ({ request, body }) =>
    structure.createDistrict(contextOf(request), body),
  );
  registerRoute(app, d.get, ({ request, params }) =>
    structure.getDistrict(contextOf(request), params.id),
  );
  registerRoute(app, d.update, ({ request, params, body }) =>
    structure.updateDistrict(contextOf(request), params.id, body),
  );
  registerRoute(app, d.archive, ({ request, params }) =>
    structure.setDistrictArchived(contextOf(request), params.id, true),
  );
  registerRoute(app, d.restore, ({ request, params }) =>
    structure.setDistrictArchived(contextOf(request), params.id, false),
  );

  const k = orgRoutes.kindergartens;
  registerRoute(app, k.list, async ({ request, query }) => ({
    items: await structure.listKindergartens(contextOf(request), query),
  }));
  registerRoute(app, k.create, ({ request, body }) =>
    structure.createKindergarten(contextOf(request), body),
  );
  registerRoute(app, k.get, ({ request, params }) =>
    structure.getKindergarten(contextOf(request), params.id),
  );
  registerRoute(app, k.update, ({ request, params, body }) =>
    structure.updateKindergarten(contextOf(request), params.id, body),
  );
  registerRoute(app, k.archive, ({ request, params }) =>
    structure.setKindergartenArchived(contextOf(request), params.id, true),
  );
  registerRoute(app, k.restore, ({ request, params }) =>
    structure.setKindergartenArchived(contextOf(request), params.id, false),
  );

  registerLayoutRoutes(app, org);
}

function registerLayoutRoutes(app: App, { layout }: OrgServices): void {
  const b = orgRoutes.buildings;
  registerRoute(app, b.list, async ({ request, query }) => ({
    items: await layout.listBuildings(
      contextOf(request),
      query.kindergartenId,
      query.includeArchived,
    ),
  }));
  registerRoute(app, b.create, ({ request, body }) =>
    layout.createBuilding(contextOf(request), body),
  );
  registerRoute(app, b.get, ({ request, params }) =>
    layout.getBuilding(contextOf(request), params.id),
  );
  registerRoute(app, b.update, ({ request, params, body }) =>
    layout.updateBuilding(contextOf(request), params.id, body),
  );
  registerRoute(app, b.archive, ({ request, params }) =>
    layout.setBuildingArchived(contextOf(request), params.id, true),
  );
  registerRoute(app, b.restore, ({ request, params }) =>
    layout.setBuildingArchived(contextOf(request), params.id, false),
  );

  const f = orgRoutes.floors;
  registerRoute(app, f.list, async ({ request, query }) => ({
    items: await layout.listFloors(contextOf(request), query.buildingId, query.includeArchived),
  }));
  registerRoute(app, f.create, ({ request, body }) => layout.createFloor(contextOf(request), body));
  registerRoute(app, f.get, ({ request, params }) =>
    layout.getFloor(contextOf(request), params.id),
  );
  registerRoute(app, f.update, ({ request, params, body }) =>
    layout.updateFloor(contextOf(request), params.id, body),
  );
  registerRoute(app, f.archive, ({ request, params }) =>
    layout.setFloorArchived(contextOf(request), params.id, true),
  );
  registerRoute(app, f.restore, ({ request, params }) =>
    layout.setFloorArchived(contextOf(request), params.id, false),
  );

  const a = orgRoutes.areas;
  registerRoute(app, a.list, async ({ request, query }) => ({
    items: await layout.listAreas(contextOf(request), query.floorId, query.includeArchived),
  }));
  registerRoute(app, a.create, ({ request, body }) => layout.createArea(contextOf(request), body));
  registerRoute(app, a.get, ({ request, params }) => layout.getArea(contextOf(request), params.id));
  registerRoute(app, a.update, ({ request, params, body }) =>
    layout.updateArea(contextOf(request), params.id, body),
  );
  registerRoute(app, a.archive, ({ request, params }) =>
    layout.setAreaArchived(contextOf(request), params.id, true),
  );
  registerRoute(app, a.restore, ({ request, params }) =>
    layout.setAreaArchived(contextOf(request), params.id, false),
  );
}
