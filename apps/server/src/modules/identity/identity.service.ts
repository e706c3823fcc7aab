import type { Actor } from '@gardenwatch/contracts';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuditActor } from '../audit/audit.types.ts';
import type { Platform } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { announceChange, clearOnAnnouncement, ReadCache } from '../../platform/read-cache.ts';
import { LoginThrottle, throttleKeys, type ThrottlePolicy } from './login-throttle.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password.ts';
import { hashToken, isWellFormedToken, newToken } from './session-token.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSessionWithUser,
  insertSession,
  touchSession,
  type SessionRow,
} from './sessions.repository.ts';
import { findCredentials, findCredentialsById, toActor, toUser } from './users.repository.ts';

/** What the audit and the session rows keep of the request. */
export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
  userAgent?: string | null;
}

export interface ActiveSession {
  /** The SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

export type SessionLookup =
  | { ok: true; session: ActiveSession }
  | { ok: false; code: 'AUTH_REQUIRED' | 'AUTH_SESSION_EXPIRED' };

export interface IdentityDeps {
  platform: Platform;
  audit: AuditService;
  throttlePolicy?: ThrottlePolicy;
  /** Shared with the users service, which clears it when it changes users. */
  sessionCache?: ReadCache<SessionRow>;
}

/** Bus subjects after which cached sessions are dropped in every process. */
export const IDENTITY_CHANGED = 'gw.identity.changed';
export const ORG_CHANGED = 'gw.org.changed';

/** Sessions read on every request; users, roles and scopes change rarely. */
export const newSessionCache = (): ReadCache<SessionRow> =>
  new ReadCache<SessionRow>({ ttlMs: 10_000, maxEntries: 20_000 });

/** last_seen_at (and with it the sliding expiry) is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

export const auditActorOf = (actor: AuditActor): AuditActor => ({
  id: actor.id,
  username: actor.username,
  role: actor.role,
});

const rateLimited = (seconds: number) =>
  new AppError('RATE_LIMITED', 'Too many failed attempts; try again later', {
    headers: { 'retry-after': String(seconds) },
    details: { retryAfterSeconds: seconds },
  });

const invalidCredentials = () =>
  new AppError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password');

/** Sign-in, sessions and one's own password. */
export class IdentityService {
  private readonly throttle: LoginThrottle;

  private readonly sessions: ReadCache<SessionRow>;

  constructor(private readonly deps: IdentityDeps) {
    this.throttle = new LoginThrottle(deps.platform.db, () => this.now(), deps.throttlePolicy);
    this.sessions = deps.sessionCache ?? newSessionCache();
    // Another process changed users or the organisation (an actor's scope follows it).
    clearOnAnnouncement(deps.platform.bus, IDENTITY_CHANGED, [this.sessions]);
    clearOnAnnouncement(deps.platform.bus, ORG_CHANGED, [this.sessions]);
  }

  /** Drops cached sessions here and in every other process, after a committed change. */
  private sessionsChanged(): Promise<void> {
    return announceChange(this.deps.platform.bus, IDENTITY_CHANGED, [this.sessions]);
  }

  private now(): Date {
    return this.deps.platform.now();
  }

  private get db() {
    return this.deps.platform.db;
  }

  /**
   * Checks the password and opens a session. Every refusal looks the same to the caller, and a
   * password is verified even for a name nobody has, so neither the answer nor its timing tells
   * whether an account exists.
   */
  async login(
    credentials: { username: string; password: string },
    meta: RequestMeta,
  ): Promise<{ token: string; session: ActiveSession }> {
    const keys = throttleKeys(credentials.username, meta.ip ?? 'unknown');
    const wait = await this.throttle.begin(keys);
    if (wait !== null) {
      await this.auditLogin(null, 'failed', meta, 'rate_limited');
      throw rateLimited(wait);
    }

    const user = await findCredentials(this.db, credentials.username);
    if (!user) await verifyAgainstDecoy(credentials.password);
    const valid = user ? await verifyPassword(user.password_hash, credentials.password) : false;
    if (!user || !valid || user.disabled_at) {
      // The attempt stays counted. An unknown name is not recorded: people type their password into the name field.
      const reason = !user ? 'unknown_user' : !valid ? 'bad_password' : 'disabled';
      await this.auditLogin(user ? auditActorOf(user) : null, 'failed', meta, reason);
      throw invalidCredentials();
    }

    await this.throttle.succeeded(keys);
    return this.openSession(user.id, meta);
  }

  private async openSession(userId: string, meta: RequestMeta) {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.deps.platform.config.sessionTtlHours * 3.6e6);
    const row = await this.db.transaction().execute(async (tx) => {
      await deleteExpiredSessions(tx, now);
      await insertSession(tx, {
        tokenHash: hashToken(token),
        userId,
        csrfToken,
        now,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent ?? null,
      });
      const found = await findSessionWithUser(tx, hashToken(token));
      if (!found) throw new AppError('INTERNAL', 'The new session could not be read back');
      await this.deps.audit.record(
        {
          actor: auditActorOf(found),
          action: 'auth.login',
          resourceType: 'user',
          resourceId: userId,
          outcome: 'succeeded',
          requestId: meta.requestId,
          ip: meta.ip,
        },
        tx,
      );
      return found;
    });
    this.deps.platform.logger.info({ userId }, 'auth.login.succeeded');
    return { token, session: toActiveSession(row) };
  }

  private async auditLogin(
    actor: AuditActor | null,
    outcome: 'succeeded' | 'failed',
    meta: RequestMeta,
    reason: string,
  ): Promise<void> {
    await this.deps.audit.record({
      actor,
      action: 'auth.login',
      resourceType: 'user',
      resourceId: actor?.id ?? null,
      outcome,
      requestId: meta.requestId,
      ip: meta.ip,
      details: { reason },
    });
    this.deps.platform.logger.info({ userId: actor?.id ?? null, reason }, 'auth.login.failed');
  }

  /**
   * The session a cookie names. Expiry slides: each use moves it SESSION_TTL_HOURS ahead, written
   * at most once a minute. A disabled user's session counts as ended.
   */
  async resolveSession(token: string): Promise<SessionLookup> {
    if (!isWellFormedToken(token)) return { ok: false, code: 'AUTH_REQUIRED' };

    const tokenHash = hashToken(token);
    const row = await this.sessions.load(tokenHash, () => findSessionWithUser(this.db, tokenHash));
    if (!row) return { ok: false, code: 'AUTH_SESSION_EXPIRED' };
    const now = this.now();
    if (row.expires_at <= now || row.disabled_at) {
      this.sessions.delete(tokenHash);
      await deleteSession(this.db, tokenHash);
      return { ok: false, code: 'AUTH_SESSION_EXPIRED' };
    }

    if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
      const ttlMs = this.deps.platform.config.sessionTtlHours * 3.6e6;
      const expiresAt = new Date(now.getTime() + ttlMs);
      await touchSession(this.db, tokenHash, now, expiresAt);
      this.sessions.set(tokenHash, { ...row, last_seen_at: now, expires_at: expiresAt });
    }
    return { ok: true, session: toActiveSession(row) };
  }

  async logout(session: ActiveSession, meta: RequestMeta): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await deleteSession(tx, session.id);
      await this.deps.audit.record(
        {
          actor: auditActorOf(session.actor),
          action: 'auth.logout',
          resourceType: 'user',
          resourceId: session.actor.id,
          outcome: 'succeeded',
          requestId: meta.requestId,
          ip: meta.ip,
        },
        tx,
      );
    });
    await this.sessionsChanged();
  }

  /** A request of a live session refused before any route ran (a missing CSRF token). */
  async recordRefusal(session: ActiveSession, meta: RequestMeta, reason: string): Promise<void> {
    await this.deps.audit.record({
      actor: auditActorOf(session.actor),
      action: 'auth.request',
      resourceType: 'session',
      outcome: 'denied',
      requestId: meta.requestId,
      ip: meta.ip,
      details: { reason },
    });
  }

  /** Changes one's own password and ends every other session of the user. */
  async changePassword(
    session: ActiveSession,
    input: { currentPassword: string; newPassword: string },
    meta: RequestMeta,
  ): Promise<void> {
    const actor = session.actor;
    const keys = { account: `password:${actor.id}`, address: `address:${meta.ip ?? 'unknown'}` };
    const wait = await this.throttle.begin(keys);
    if (wait !== null) throw rateLimited(wait);

    const user = await findCredentialsById(this.db, actor.id);
    const valid = user ? await verifyPassword(user.password_hash, input.currentPassword) : false;
    const entry = {
      actor: auditActorOf(actor),
      action: 'auth.password.change',
      resourceType: 'user',
      resourceId: actor.id,
      requestId: meta.requestId,
      ip: meta.ip,
    };
    if (!user || !valid) {
      const details = { reason: 'bad_password' };
      await this.deps.audit.record({ ...entry, outcome: 'failed', details });
      throw new AppError('AUTH_CURRENT_PASSWORD_WRONG', 'The current password is wrong');
    }
    await this.throttle.succeeded(keys);

    const passwordHash = await hashPassword(input.newPassword);
    const now = this.now();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          password_changed_at: now,
          must_change_password: false,
          updated_at: now,
        })
        .where('id', '=', actor.id)
        .execute();
      const ended = await deleteUserSessions(tx, actor.id, session.id);
      await this.deps.audit.record({ ...entry, outcome: 'succeeded', details: { ended } }, tx);
    });
    await this.sessionsChanged();
  }
}

function toActiveSession(row: SessionRow): ActiveSession {
  const user = toUser(row);
  return {
    id: row.token_hash,
    csrfToken: row.csrf_token,
    actor: toActor(user),
    mustChangePassword: user.mustChangePassword,
  };
}
