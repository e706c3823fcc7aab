import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { CamerasService } from '../cameras/cameras.service.ts';
import { ComplianceService } from './compliance.service.ts';
import { CoverageAccess } from './coverage-access.ts';
import { CoverageRepository } from './coverage.repository.ts';
import { CoverageService } from './coverage.service.ts';
import { FloorPlansService } from './floor-plans.service.ts';
import { PlanCamerasService } from './plan-cameras.service.ts';

export interface CoverageServices {
  plans: FloorPlansService;
  cameras: PlanCamerasService;
  coverage: CoverageService;
  compliance: ComplianceService;
}

export function createCoverageServices(
  platform: Platform,
  deps: { audit: AuditService; cameras: CamerasService },
): CoverageServices {
  const repo = new CoverageRepository(platform.db);
  const access = new CoverageAccess(deps.audit);
  const plans = new FloorPlansService({ repo, access });
  return {
    plans,
    cameras: new PlanCamerasService({ repo, access, plans, cameras: deps.cameras }),
    coverage: new CoverageService({ repo, access, plans, logger: platform.logger }),
    compliance: new ComplianceService({ repo, access, plans, now: platform.now }),
  };
}
