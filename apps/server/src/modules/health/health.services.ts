import type { Platform } from '../../platform/context.ts';
import { lazyFfmpeg } from '../../platform/ffmpeg.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import type { OrgServices } from '../org/org.services.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { HealthReports } from './health-reports.ts';
import { HealthService } from './health.service.ts';

export interface HealthServices {
  monitor: HealthService;
  reports: HealthReports;
}

export function createHealthServices(
  platform: Platform,
  deps: {
    audit: AuditService;
    org: OrgServices;
    cameras: CamerasService;
    recording: RecordingService;
  },
): HealthServices {
  const tools = lazyFfmpeg({ ffmpegPath: platform.config.ffmpegPath });
  const monitor = new HealthService({ platform, audit: deps.audit, cameras: deps.cameras, tools });
  const reports = new HealthReports({ ...deps, health: monitor, now: platform.now });
  return { monitor, reports };
}
