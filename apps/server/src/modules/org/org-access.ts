import { can, type Action, type Actor, type Resource } from '@gardenwatch/contracts';
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { conflict, forbidden, notFound, type AppError } from '../../platform/errors.ts';
import type { AuditService } from '../audit/audit.service.ts';

export type Tx = Transaction<Database>;

/** Who is asking, and the request to tie audit rows to. */
export interface OrgContext {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

export type OrgResourceType = 'district' | 'kindergarten' | 'building' | 'floor' | 'area';

/** Where an organisation row sits: the scope authorisation decides on. */
export interface OrgScope {
  resource: Resource;
  /** The action that changes rows of this level. */
  manage: Action;
  /** The row itself, or one of its ancestors, is archived. */
  archived: boolean;
  /** An ancestor is archived: the row cannot take new children or be restored. */
  archivedAbove: boolean;
  /** The kindergarten (or its district) is archived: only administrators see inside. */
  kindergartenArchived: boolean;
}

export interface Target {
  type: OrgResourceType;
  id: string | null;
}

export interface OrgAccessDeps {
  db: Db;
  audit: AuditService;
  /** Told after each committed change; clears cached read models here and elsewhere. */
  changed?: () => Promise<void>;
}

/** Authorisation, audit and transactions shared by the organisation services. */
export class OrgAccess {
  constructor(private readonly deps: OrgAccessDeps) {}

  /**
   * Lets the actor through or records the denial and throws. Out of the actor's sight the
   * answer is 404, so that a principal cannot learn what another kindergarten holds; in sight
   * but not theirs to change, 403.
   */
  async require(ctx: OrgContext, action: Action, scope: OrgScope, target: Target): Promise<void> {
    const visible = this.mayRead(ctx.actor, scope);
    if (visible && can(ctx.actor, action, scope.resource)) return;

    await this.deps.audit.record({
      ...this.who(ctx),
      action,
      resourceType: target.type,
      resourceId: target.id,
      outcome: 'denied',
    });
    // A new row has nothing to hide yet: its creator is told plainly that it is not theirs to add.
    if (!visible && target.id !== null) throw notFound(target.type, target.id);
    throw forbidden();
  }

  /** Archived rows stay readable by id, but only for those who may manage them. */
  mayRead(actor: Actor, scope: OrgScope): boolean {
    if (!can(actor, 'org.read', scope.resource)) return false;
    if (!scope.archived) return true;
    if (!can(actor, scope.manage, scope.resource)) return false;
    return !scope.kindergartenArchived || can(actor, 'org.manage_kindergartens', scope.resource);
  }

  /** Runs a change and its audit row in one transaction; unique names become 409. */
  async change<T>(
    ctx: OrgContext,
    action: string,
    target: (result: T) => Target,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    let result: T;
    try {
      result = await this.deps.db.transaction().execute(async (tx) => {
        const done = await work(tx);
        const { type, id } = target(done);
        await this.deps.audit.record(
          { ...this.who(ctx), action, resourceType: type, resourceId: id, outcome: 'succeeded' },
          tx,
        );
        return done;
      });
    } catch (error) {
      throw translateDbError(error);
    }
    await this.deps.changed?.();
    return result;
  }

  private who(ctx: OrgContext) {
    const { actor } = ctx;
    return {
      actor: { id: actor.id, username: actor.username, role: actor.role },
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    };
  }
}

export const rejectArchivedParent = (field: string, type: OrgResourceType): AppError =>
  conflict(`The ${type} is archived; restore it first`, { field, reason: 'archived' });

interface PgError {
  code?: unknown;
  constraint?: unknown;
}

/** Unique constraints are all `(parent, name)` or `(city, admin_code)`: name the field. */
export function translateDbError(error: unknown): unknown {
  const pgError = error as PgError;
  if (typeof error !== 'object' || error === null || pgError.code !== '23505') return error;

  const constraint = typeof pgError.constraint === 'string' ? pgError.constraint : '';
  const field = constraint.includes('admin_code') ? 'adminCode' : 'name';
  const what = field === 'adminCode' ? 'administrative code' : 'name';
  return conflict(`The ${what} is already taken (archived entries count too)`, {
    field,
    constraint,
  });
}
