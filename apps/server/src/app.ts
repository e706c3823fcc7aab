import { fileURLToPath } from 'node:url';
import { registerSystemRoutes } from './modules/system/system.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerIdentity } from './modules/identity/identity.routes.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { registerCameraRoutes } from './modules/cameras/cameras.routes.ts';
import { registerRecordingRoutes } from './modules/recording/recording.routes.ts';
import { registerNoticeRoutes } from './modules/notices/notices.routes.ts';
import { registerStaffRoutes } from './modules/staff/staff.routes.ts';
import { registerGatewayRoutes } from './modules/gateway/gateway.routes.ts';
import { registerCoverageRoutes } from './modules/coverage/coverage.routes.ts';
import { registerProgrammeRoutes } from './modules/programme/programme.routes.ts';
import {
  registerBlacklistRoutes,
  scheduleYearlyScreening,
} from './modules/blacklist/blacklist.routes.ts';
import { registerLiveRoutes } from './modules/live/live.routes.ts';
import { registerPlaybackRoutes } from './modules/playback/playback.routes.ts';
import { registerExportRoutes } from './modules/exports/exports.routes.ts';
import { registerAlertRoutes } from './modules/alerts/alerts.routes.ts';
import { registerGalleryRoutes } from './modules/gallery/gallery.routes.ts';
import { registerHealthRoutes } from './modules/health/health.routes.ts';
import {
  registerRequestRoutes,
  scheduleRequestReminders,
} from './modules/requests/requests.routes.ts';
import { registerPoliceCaseRoutes } from './modules/police-cases/police-cases.routes.ts';
import type { Platform } from './platform/context.ts';
import { createHttpServer } from './platform/http/http-server.ts';
import type { App } from './platform/http/route.ts';
import { createServices, type Services } from './services.ts';

export const defaultWebDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuiltApp {
  app: App;
  services: Services;
}

/** The HTTP application with every module's routes, ready to listen or to `inject` in tests. */
export async function buildApp(
  platform: Platform,
  webDir: string | undefined = defaultWebDir,
): Promise<BuiltApp> {
  const services = createServices(platform);
  const app = await createHttpServer(platform, { webDir });

  // First: the session hook must run before any route.
  registerIdentity(app, services);
  registerSystemRoutes(app, platform);
  registerAuditRoutes(app, platform, services.audit);
  registerOrgRoutes(app, services.org);
  registerCameraRoutes(app, services.cameras);
  registerRecordingRoutes(app, services.recording);
  registerStaffRoutes(app, services.staff);
  registerBlacklistRoutes(app, services.staff);
  registerNoticeRoutes(app, services.notices);
  scheduleYearlyScreening(app, services.staff);
  registerGatewayRoutes(app, services.gateway);
  registerLiveRoutes(app, services.watch.live);
  registerPlaybackRoutes(app, services.watch.playback);
  registerExportRoutes(app, services.watch.exports);
  registerCoverageRoutes(app, services.coverage);
  registerProgrammeRoutes(app, services.programme);
  registerAlertRoutes(app, services.alerts);
  registerGalleryRoutes(app, services.gallery);
  registerHealthRoutes(app, services.health);
  registerRequestRoutes(app, services.requests);
  scheduleRequestReminders(app, services.requests);
  registerPoliceCaseRoutes(app, services.policeCases);

  await app.ready();
  return { app, services };
}
