export type AuditOutcome = 'allowed' | 'denied' | 'succeeded' | 'failed';

/** Who did it: a signed-in user, or the system itself (scheduler, CLI) with actor null. */
export interface AuditActor {
  id: string;
  username: string;
  role: string;
}

export interface AuditEntry {
  actor: AuditActor | null;
  /** A dotted verb, e.g. `auth.login`, `org.kindergarten.update`, `video.live.start`. */
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** Why the actor did it, where the action asks for a purpose (hiring check, footage view). */
  purpose?: string | null;
  outcome: AuditOutcome;
  requestId?: string | null;
  ip?: string | null;
  /** Ids and codes only; never personal data such as names or identity numbers. */
  details?: Record<string, unknown>;
}
