import { can, type Action, type Actor, type Resource } from '@gardenwatch/contracts';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuditEntry } from '../audit/audit.types.ts';

/** Who is asking, and the request to tie audit rows to. */
export interface StaffContext {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

export interface KindergartenRef {
  kindergartenId: string;
  districtId: string;
  name: string;
  type: string;
}

export const kindergartenResource = (kg: KindergartenRef): Resource => ({
  kind: 'kindergarten',
  districtId: kg.districtId,
  kindergartenId: kg.kindergartenId,
});

/** Only those who run the blacklist (city administrators) read identity numbers in full. */
export const seesFullIdentityNumbers = (actor: Actor): boolean =>
  can(actor, 'blacklist.manage', { kind: 'city' });

export interface StaffAccessDeps {
  db: Db;
  audit: AuditService;
}

/** Scope lookups, authorisation with audited refusals, and audit rows for staff and blacklist. */
export class StaffAccess {
  constructor(private readonly deps: StaffAccessDeps) {}

  // Reads the organisation tables for scope only (district, name, type); the org module owns
  // them. A join is needed anyway for the city-wide dashboards.
  async kindergarten(id: string): Promise<KindergartenRef> {
    const row = await this.deps.db
      .selectFrom('kindergartens')
      .select(['id', 'district_id', 'name', 'type'])
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw notFound('kindergarten', id);
    return { kindergartenId: row.id, districtId: row.district_id, name: row.name, type: row.type };
  }

  async districtExists(id: string): Promise<boolean> {
    const row = await this.deps.db
      .selectFrom('districts')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Lets the actor through or writes a `denied` audit row and throws 403. */
  async require(
    ctx: StaffContext,
    action: Action,
    resource: Resource,
    resourceId: string | null = null,
  ): Promise<void> {
    if (can(ctx.actor, action, resource)) return;

    await this.deps.audit.record(
      this.entry(ctx, { action, resourceType: resource.kind, resourceId, outcome: 'denied' }),
    );
    throw forbidden();
  }

  entry(ctx: StaffContext, rest: Omit<AuditEntry, 'actor' | 'requestId' | 'ip'>): AuditEntry {
    const { actor } = ctx;
    return {
      actor: { id: actor.id, username: actor.username, role: actor.role },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
      ...rest,
    };
  }
}
