import { userRoutes, type Actor, type Resource, type UserListQuery } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditService } from '../audit/audit.service.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { requestMeta } from './auth-hook.ts';
import { authorize, requireActor } from './authorize.ts';
import { auditActorOf } from './identity.service.ts';
import type { UserChangeContext, UsersService } from './users.service.ts';
import { invalidField } from './user-scope.ts';

export interface UsersRouteDeps {
  users: UsersService;
  audit: AuditService;
}

/** The place an actor's own scope stands for, to ask whether they may list users at all. */
function ownScope(actor: Actor): Resource {
  if (actor.kindergartenId && actor.districtId) {
    return {
      kind: 'kindergarten',
      districtId: actor.districtId,
      kindergartenId: actor.kindergartenId,
    };
  }
  if (actor.districtId) return { kind: 'district', districtId: actor.districtId };
  return { kind: 'city' };
}

export function registerUsersRoutes(app: App, deps: UsersRouteDeps): void {
  const { users, audit } = deps;

  const changeContext = (request: FastifyRequest): UserChangeContext => {
    const actor = requireActor(request);
    return {
      actor: auditActorOf(actor),
      meta: requestMeta(request),
      mayManage: async (resource) => {
        await authorize(request, 'user.manage', resource, audit);
      },
    };
  };

  /** A filter naming a place is a request to read users there: it is authorised as such. */
  const listTarget = async (actor: Actor, query: UserListQuery): Promise<Resource> => {
    if (query.kindergartenId) {
      const kg = await users.kindergartenResource(query.kindergartenId);
      if (!kg) throw invalidField('querystring.kindergartenId', 'no such kindergarten');
      return kg;
    }
    if (query.districtId) return { kind: 'district', districtId: query.districtId };
    return ownScope(actor);
  };

  registerRoute(app, userRoutes.list, async ({ query, request }) => {
    const actor = requireActor(request);
    await authorize(request, 'user.read', await listTarget(actor, query), audit);
    return users.list(actor, query);
  });

  registerRoute(app, userRoutes.create, async ({ body, request }) =>
    users.create(changeContext(request), body),
  );

  registerRoute(app, userRoutes.update, async ({ params, body, request }) =>
    users.update(changeContext(request), params.id, body),
  );

  registerRoute(app, userRoutes.disable, async ({ params, request }) =>
    users.disable(changeContext(request), params.id),
  );

  registerRoute(app, userRoutes.resetPassword, async ({ params, request }) =>
    users.resetPassword(changeContext(request), params.id),
  );
}
