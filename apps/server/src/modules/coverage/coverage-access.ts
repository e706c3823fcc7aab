import { can, type Action, type Actor, type Resource } from '@gardenwatch/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';

/** Who is asking, and the request to tie audit rows to. */
export interface CoverageContext {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

export interface Target {
  type: string;
  id: string | null;
}

export const kindergartenResource = (districtId: string, kindergartenId: string): Resource => ({
  kind: 'kindergarten',
  districtId,
  kindergartenId,
});

/** Authorisation through `can()` and audit rows for refusals and changes. */
export class CoverageAccess {
  constructor(private readonly audit: AuditService) {}

  /**
   * Lets the actor through or records the refusal: out of the actor's sight the answer is 404
   * (nothing learnt about other kindergartens), in sight but not theirs, 403.
   */
  async require(
    ctx: CoverageContext,
    action: Action,
    resource: Resource,
    target: Target,
  ): Promise<void> {
    if (can(ctx.actor, action, resource)) return;

    await this.audit.record({
      ...this.who(ctx),
      action,
      resourceType: target.type,
      resourceId: target.id,
      outcome: 'denied',
    });
    if (!can(ctx.actor, 'org.read', resource) && target.id) throw notFound(target.type, target.id);
    throw forbidden();
  }

  async changed(
    ctx: CoverageContext,
    tx: Transaction<Database>,
    entry: { action: string; target: Target; details?: Record<string, unknown> },
  ): Promise<void> {
    await this.audit.record(
      {
        ...this.who(ctx),
        action: entry.action,
        resourceType: entry.target.type,
        resourceId: entry.target.id,
        outcome: 'succeeded',
        ...(entry.details ? { details: entry.details } : {}),
      },
      tx,
    );
  }

  private who(ctx: CoverageContext) {
    return {
      actor: auditActorOf(ctx.actor),
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    };
  }
}
