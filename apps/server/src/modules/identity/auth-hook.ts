import { CSRF_HEADER, SESSION_COOKIE } from '@gardenwatch/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/route.ts';
import type { ActiveSession, IdentityService, RequestMeta } from './identity.service.ts';
import { sameSecret } from './session-token.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const LOGIN_PATH = '/api/auth/login';

/**
 * Paths that answer without a session even when the cookie is bad or stale: signing in again
 * must work, and so must the health probe. Outside `/api/` the console's files are served.
 */
const ANSWERS_WITHOUT_SESSION = new Set([LOGIN_PATH, '/api/health', '/api/openapi.json']);

/** While a password change is due, only these work. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
]);

const sessions = new WeakMap<FastifyRequest, ActiveSession>();

/** The session of a signed-in request, set by the hook. */
export const sessionOf = (request: FastifyRequest): ActiveSession | undefined =>
  sessions.get(request);

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  requestId: request.id,
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

export const sessionCookieOptions = (request: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: request.protocol === 'https',
});

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
}

/**
 * Reads the session cookie into `request.actor` and guards state-changing requests: the CSRF
 * token of the session must come in a header, and a cross-site Origin is refused. The check
 * runs before the body is read, so a refused request changes nothing.
 */
export function registerAuthHook(app: App, identity: IdentityService): void {
  app.addHook('onRequest', async (request, reply) => {
    const rawPath = request.url.split('?')[0] ?? '';
    // The matched route's pattern, so that no spelling of a path slips past the lists above.
    const route = request.routeOptions.url ?? rawPath;
    const token = request.cookies[SESSION_COOKIE];
    const changesState = !SAFE_METHODS.has(request.method);
    if (changesState && (token !== undefined || route === LOGIN_PATH)) checkOrigin(request);
    if (token === undefined) return;

    const lookup = await identity.resolveSession(token);
    if (!lookup.ok) {
      clearSessionCookie(request, reply);
      if (ANSWERS_WITHOUT_SESSION.has(route) || !rawPath.startsWith('/api/')) return;
      throw new AppError(lookup.code, sessionProblemMessage[lookup.code]);
    }

    const { session } = lookup;
    if (changesState && route !== LOGIN_PATH && !hasCsrfToken(request, session.csrfToken)) {
      await identity.recordRefusal(session, requestMeta(request), 'csrf_token');
      throw new AppError('AUTH_CSRF_FAILED', 'The request lacks a valid CSRF token');
    }
    const allowed = ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${route}`);
    if (session.mustChangePassword && !allowed) {
      throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED', 'Choose a new password first');
    }
    request.actor = session.actor;
    request.sessionId = session.id;
    sessions.set(request, session);
  });
}

const sessionProblemMessage = {
  AUTH_REQUIRED: 'Sign in to continue',
  AUTH_SESSION_EXPIRED: 'Your session has ended; sign in again',
} as const;

function hasCsrfToken(request: FastifyRequest, expected: string): boolean {
  const given = request.headers[CSRF_HEADER];
  return typeof given === 'string' && sameSecret(given, expected);
}

/**
 * A browser names the page's origin; its host must be the one this request was sent to. Any
 * scheme is accepted, since TLS may end at a proxy in front of us.
 */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (sameHost(origin, request.host)) return;
  throw new AppError('AUTH_CSRF_FAILED', 'The request comes from another site');
}

function sameHost(origin: string, host: string): boolean {
  try {
    const from = new URL(origin);
    // Parsed with the origin's scheme, so that a default port written out compares equal.
    const to = new URL(`${from.protocol}//${host}`);
    return from.host === to.host;
  } catch {
    return false;
  }
}
