import { SESSION_COOKIE, authRoutes, type SessionInfo } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { clearSessionCookie, requestMeta, sessionCookieOptions, sessionOf } from './auth-hook.ts';
import type { ActiveSession, IdentityService } from './identity.service.ts';

const sessionInfo = (session: ActiveSession): SessionInfo => ({
  actor: session.actor,
  csrfToken: session.csrfToken,
  mustChangePassword: session.mustChangePassword,
});

function requireSession(request: FastifyRequest): ActiveSession {
  const session = sessionOf(request);
  if (!session) throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
  return session;
}

export function registerAuthRoutes(app: App, identity: IdentityService): void {
  registerRoute(
    app,
    authRoutes.login,
    async ({ body, request, reply }) => {
      const previous = sessionOf(request);
      const { token, session } = await identity.login(body, requestMeta(request));
      // A sign-in replaces the session the browser held, so no stale one lingers beside it.
      if (previous) await identity.logout(previous, requestMeta(request));
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request));
      reply.header('cache-control', 'no-store');
      return sessionInfo(session);
    },
    { public: true },
  );

  registerRoute(app, authRoutes.logout, async ({ request, reply }) => {
    await identity.logout(requireSession(request), requestMeta(request));
    clearSessionCookie(request, reply);
    return { ok: true as const };
  });

  registerRoute(app, authRoutes.me, async ({ request, reply }) => {
    reply.header('cache-control', 'no-store');
    return sessionInfo(requireSession(request));
  });

  registerRoute(app, authRoutes.changePassword, async ({ body, request }) => {
    await identity.changePassword(requireSession(request), body, requestMeta(request));
    return { ok: true as const };
  });
}
