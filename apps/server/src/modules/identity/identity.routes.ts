import type { App } from '../../platform/http/route.ts';
import type { Services } from '../../services.ts';
import { registerAuthHook } from './auth-hook.ts';
import { registerAuthRoutes } from './auth.routes.ts';
import { registerUsersRoutes } from './users.routes.ts';

/** The session hook (before every route) and the sign-in and user routes. */
export function registerIdentity(app: App, services: Services): void {
  registerAuthHook(app, services.identity);
  registerAuthRoutes(app, services.identity);
  registerUsersRoutes(app, { users: services.users, audit: services.audit });
}
