import { can, type Action, type Actor, type Resource } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditService } from '../audit/audit.service.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { auditActorOf } from './identity.service.ts';

export interface AuthorizeOptions {
  /** The id of the resource, for the audit row (a camera's, a kindergarten's, ...). */
  resourceId?: string | null;
}

/** The signed-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
  return request.actor;
}

/**
 * Asks `can()` and returns the actor when allowed. A refusal writes one audit row (outcome
 * `denied`) and throws FORBIDDEN. The caller resolves the resource's scope (its district and
 * kindergarten) before asking.
 */
export async function authorize(
  request: FastifyRequest,
  action: Action,
  resource: Resource,
  audit: AuditService,
  options: AuthorizeOptions = {},
): Promise<Actor> {
  const actor = requireActor(request);
  if (can(actor, action, resource)) return actor;

  await audit.record({
    actor: auditActorOf(actor),
    action,
    resourceType: resource.kind,
    resourceId: options.resourceId ?? defaultResourceId(resource),
    outcome: 'denied',
    requestId: request.id,
    ip: request.ip,
  });
  request.log.info({ userId: actor.id, action, resource: resource.kind }, 'authz.denied');
  throw forbidden();
}

function defaultResourceId(resource: Resource): string | null {
  switch (resource.kind) {
    case 'city':
      return null;
    case 'district':
      return resource.districtId;
    case 'kindergarten':
      return resource.kindergartenId;
    case 'camera':
    case 'user':
      return null;
  }
}
