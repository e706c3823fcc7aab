import type { Platform } from '../../platform/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { OrgAccess } from './org-access.ts';
import { OrgLayoutService } from './org-layout.service.ts';
import { OrgStructureService } from './org-structure.service.ts';
import { OrgViewService } from './org-view.service.ts';

export interface OrgServices {
  structure: OrgStructureService;
  layout: OrgLayoutService;
  views: OrgViewService;
}

export function createOrgServices(platform: Platform, audit: AuditService): OrgServices {
  const { db, now } = platform;
  const access = new OrgAccess({ db, audit });
  return {
    structure: new OrgStructureService({
      db,
      access,
      now,
      defaultTimezone: platform.config.defaultTimezone,
    }),
    layout: new OrgLayoutService({ db, access, now }),
    views: new OrgViewService({ db, access }),
  };
}
