import type { Platform } from '../../platform/context.ts';
import { announceChange, clearOnAnnouncement, ReadCache } from '../../platform/read-cache.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { ORG_CHANGED } from '../identity/identity.service.ts';
import { OrgAccess } from './org-access.ts';
import { OrgLayoutService } from './org-layout.service.ts';
import { OrgStructureService } from './org-structure.service.ts';
import { OrgViewService, type CachedPage } from './org-view.service.ts';

export interface OrgServices {
  structure: OrgStructureService;
  layout: OrgLayoutService;
  views: OrgViewService;
}

export function createOrgServices(platform: Platform, audit: AuditService): OrgServices {
  const { db, now, bus } = platform;
  // Kindergarten pages are read far more often than the organisation changes.
  const pages = new ReadCache<CachedPage>({ ttlMs: 60_000, maxEntries: 5_000 });
  clearOnAnnouncement(bus, ORG_CHANGED, [pages]);
  const changed = () => announceChange(bus, ORG_CHANGED, [pages]);
  const access = new OrgAccess({ db, audit, changed });
  return {
    structure: new OrgStructureService({
      db,
      access,
      now,
      defaultTimezone: platform.config.defaultTimezone,
    }),
    layout: new OrgLayoutService({ db, access, now }),
    views: new OrgViewService({ db, access, pages }),
  };
}
