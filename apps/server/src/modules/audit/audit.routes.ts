import { auditRoutes } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import type { Platform } from '../../platform/context.ts';
import { authorize } from '../identity/authorize.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import { listAudit } from './audit.query.ts';
import type { AuditService } from './audit.service.ts';
import { verifyAuditChain } from './audit-verify.ts';

/** The audit log, for city administrators. Checking the chain writes a row of its own. */
export function registerAuditRoutes(app: App, platform: Platform, audit: AuditService): void {
  registerRoute(app, auditRoutes.list, async ({ query, request }) => {
    await authorize(request, 'audit.read', { kind: 'city' }, audit);
    return listAudit(platform.db, query);
  });

  registerRoute(app, auditRoutes.verify, async ({ request }) => {
    const actor = await authorize(request, 'audit.read', { kind: 'city' }, audit);
    const result = await verifyAuditChain(platform.db);
    await audit.record({
      actor: auditActorOf(actor),
      action: 'audit.verify',
      resourceType: 'audit_log',
      outcome: result.ok ? 'succeeded' : 'failed',
      requestId: request.id,
      ip: request.ip,
      details: result.ok ? { rows: result.rows } : { brokenSeq: result.brokenSeq },
    });
    return result.ok
      ? { ok: true, rows: result.rows, headSeq: result.headSeq, brokenSeq: null, reason: null }
      : {
          ok: false,
          rows: result.rows,
          headSeq: null,
          brokenSeq: result.brokenSeq,
          reason: result.reason,
        };
  });
}
