import { AuditService } from './modules/audit/audit.service.ts';
import { IdentityService } from './modules/identity/identity.service.ts';
import { createOrgServices, type OrgServices } from './modules/org/org.services.ts';
import type { Platform } from './platform/context.ts';

/** The domain services of one process, created once and handed to routes and jobs. */
export interface Services {
  audit: AuditService;
  identity: IdentityService;
  org: OrgServices;
}

export function createServices(platform: Platform): Services {
  const audit = new AuditService({ db: platform.db, now: platform.now });
  const identity = new IdentityService({ platform, audit });
  const org = createOrgServices(platform, audit);
  return { audit, identity, org };
}
