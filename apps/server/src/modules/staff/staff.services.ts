import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { BlacklistService } from '../blacklist/blacklist.service.ts';
import { HiringCheckService } from '../blacklist/hiring-check.service.ts';
import { ScreeningService } from '../blacklist/screening.service.ts';
import { RosterImportService } from './roster-import.service.ts';
import { StaffAccess } from './staff-access.ts';
import { StaffDashboardService } from './staff-dashboard.service.ts';
import { StaffExportService } from './staff-export.service.ts';
import { StaffFlagsService } from './staff-flags.service.ts';
import { StaffSettingsService } from './staff-settings.service.ts';
import { StaffService } from './staff.service.ts';

/** The staff registry and the blacklist, which guard each other: checks, flags, screening. */
export interface StaffServices {
  access: StaffAccess;
  staff: StaffService;
  imports: RosterImportService;
  flags: StaffFlagsService;
  settings: StaffSettingsService;
  dashboards: StaffDashboardService;
  exports: StaffExportService;
  hiring: HiringCheckService;
  screening: ScreeningService;
  blacklist: BlacklistService;
}

export function createStaffServices(platform: Platform, audit: AuditService): StaffServices {
  const access = new StaffAccess({ db: platform.db, audit });
  const base = { platform, audit, access };
  const hiring = new HiringCheckService(base);
  const flags = new StaffFlagsService(base);
  const screening = new ScreeningService({ ...base, staffFlags: flags });
  const settings = new StaffSettingsService(base);
  const dashboards = new StaffDashboardService({ platform, access, settings });
  return {
    access,
    staff: new StaffService({ ...base, gate: hiring }),
    imports: new RosterImportService({ ...base, gate: hiring }),
    flags,
    settings,
    dashboards,
    exports: new StaffExportService({ ...base, dashboards }),
    hiring,
    screening,
    blacklist: new BlacklistService({ ...base, screening }),
  };
}
