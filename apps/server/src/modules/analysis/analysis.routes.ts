import { analysisRoutes, can, zoneRoutes } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraResource } from '../cameras/cameras.mappers.ts';
import { cameraContextOf } from '../cameras/cameras.routes.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { AnalysisService } from './analysis.service.ts';
import type { ZonesService } from './zones.service.ts';

/** The analysis status for the health page: only cameras whose health the caller may read. */
export function registerAnalysisRoutes(
  app: App,
  deps: { analysis: AnalysisService; cameras: CamerasService; zones: ZonesService },
): void {
  registerRoute(app, zoneRoutes.get, async ({ request, params }) => ({
    zones: await deps.zones.get(cameraContextOf(request), params.id),
  }));
  registerRoute(app, zoneRoutes.put, async ({ request, params, body }) => ({
    zones: await deps.zones.put(cameraContextOf(request), params.id, body.zones),
  }));
  registerRoute(app, analysisRoutes.status, async ({ request }) => {
    const { actor } = cameraContextOf(request);
    const status = deps.analysis.status();
    const visible = new Set<string>();
    for (const c of status.cameras) {
      const placement = await deps.cameras.placementOfCamera(c.cameraId);
      if (placement && can(actor, 'health.read', cameraResource(placement)))
        visible.add(c.cameraId);
    }
    return {
      ...status,
      cameras: status.cameras.filter((c) => visible.has(c.cameraId)),
      shortfall: status.shortfall.filter((id) => visible.has(id)),
    };
  });
}
