import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import { CoverageAccess } from '../coverage/coverage-access.ts';
import type { CoverageServices } from '../coverage/coverage.services.ts';
import type { GatewayServices } from '../gateway/gateway.services.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { ProgrammeChecklist } from './programme-checklist.ts';
import { ProgrammeRepository } from './programme.repository.ts';
import { ProgrammeService } from './programme.service.ts';

export function createProgrammeService(
  platform: Platform,
  deps: {
    audit: AuditService;
    coverage: CoverageServices;
    cameras: CamerasService;
    recording: RecordingService;
    gateway: GatewayServices;
  },
): ProgrammeService {
  const checklist = new ProgrammeChecklist({
    compliance: deps.coverage.compliance,
    cameras: deps.cameras,
    recording: deps.recording,
    gateway: deps.gateway,
    now: platform.now,
  });
  return new ProgrammeService({
    repo: new ProgrammeRepository(platform.db),
    access: new CoverageAccess(deps.audit),
    checklist,
  });
}
