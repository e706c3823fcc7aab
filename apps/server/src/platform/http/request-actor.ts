import type { Actor } from '@gardenwatch/contracts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the identity module when the request carries a valid session. */
    actor: Actor | null;
    /** The session's CSRF token, for the identity module's check. */
    sessionId: string | null;
  }
}

export {};
