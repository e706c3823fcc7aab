import { AuditService } from './modules/audit/audit.service.ts';
import { IdentityService, newSessionCache } from './modules/identity/identity.service.ts';
import { UsersService } from './modules/identity/users.service.ts';
import { createOrgServices, type OrgServices } from './modules/org/org.services.ts';
import type { CamerasService } from './modules/cameras/cameras.service.ts';
import type { RecordingService } from './modules/recording/recording.service.ts';
import { createVideoServices } from './modules/recording/video.services.ts';
import { createStaffServices, type StaffServices } from './modules/staff/staff.services.ts';
import { createGatewayServices, type GatewayServices } from './modules/gateway/gateway.services.ts';
import { createWatchServices, type WatchServices } from './modules/playback/watch.services.ts';
import {
  createCoverageServices,
  type CoverageServices,
} from './modules/coverage/coverage.services.ts';
import { createProgrammeService } from './modules/programme/programme.services.ts';
import type { ProgrammeService } from './modules/programme/programme.service.ts';
import { NoticesService } from './modules/notices/notices.service.ts';
import { createAlertsServices, type AlertsServices } from './modules/alerts/alerts.services.ts';
import { GalleryService } from './modules/gallery/gallery.service.ts';
import { lazyFfmpeg } from './platform/ffmpeg.ts';
import { createHealthServices, type HealthServices } from './modules/health/health.services.ts';
import {
  createRequestServices,
  type RequestServices,
} from './modules/requests/requests.services.ts';
import { PoliceCasesService } from './modules/police-cases/police-cases.service.ts';
import type { Platform } from './platform/context.ts';

/** The domain services of one process, created once and handed to routes and jobs. */
export interface Services {
  audit: AuditService;
  identity: IdentityService;
  users: UsersService;
  org: OrgServices;
  cameras: CamerasService;
  recording: RecordingService;
  staff: StaffServices;
  gateway: GatewayServices;
  watch: WatchServices;
  coverage: CoverageServices;
  programme: ProgrammeService;
  notices: NoticesService;
  alerts: AlertsServices;
  gallery: GalleryService;
  health: HealthServices;
  requests: RequestServices;
  policeCases: PoliceCasesService;
}

export function createServices(platform: Platform): Services {
  const audit = new AuditService({ db: platform.db, now: platform.now });
  const sessionCache = newSessionCache();
  const identity = new IdentityService({ platform, audit, sessionCache });
  const users = new UsersService({ platform, audit, sessionCache });
  const org = createOrgServices(platform, audit);
  const { cameras, recording } = createVideoServices(platform, audit);
  const staff = createStaffServices(platform, audit);
  const gateway = createGatewayServices(platform, { audit, cameras, recording });
  const policeCases = new PoliceCasesService({ platform, audit });
  const watch = createWatchServices(platform, {
    audit,
    recording,
    policeCases: (actor, camera) => policeCases.grant(actor, camera),
  });
  const coverage = createCoverageServices(platform, { audit, cameras });
  const programme = createProgrammeService(platform, {
    audit,
    coverage,
    cameras,
    recording,
    gateway,
  });
  // Subscribes at once, beside the staff module's re-screening, so that no hit is missed.
  const notices = new NoticesService({ platform, audit });
  notices.start();
  const tools = lazyFfmpeg({ ffmpegPath: platform.config.ffmpegPath });
  const gallery = new GalleryService({ platform, audit, staff, tools });
  const alerts = createAlertsServices(platform, { audit, cameras, recording, gallery });
  const health = createHealthServices(platform, { audit, org, cameras, recording });
  const requests = createRequestServices(platform, { audit, recording, notices });
  return {
    audit,
    identity,
    users,
    org,
    cameras,
    recording,
    staff,
    gateway,
    watch,
    coverage,
    programme,
    notices,
    alerts,
    gallery,
    health,
    requests,
    policeCases,
  };
}
