import type { Resource, User, UserCreate, UserListQuery, UserUpdate } from '@gardenwatch/contracts';
import { sql, type Transaction } from 'kysely';
import type { AuditService } from '../audit/audit.service.ts';
import type { AuditActor, AuditEntry } from '../audit/audit.types.ts';
import type { Platform } from '../../platform/context.ts';
import type { Database } from '../../platform/db/schema.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { announceChange } from '../../platform/read-cache.ts';
import { IDENTITY_CHANGED, type RequestMeta } from './identity.service.ts';
import { generatePassword, hashPassword } from './password.ts';
import { deleteUserSessions } from './sessions.repository.ts';
import { resolveScope, scopeResource, type ResolvedScope } from './user-scope.ts';
import { listUsers, type ScopedActor } from './users.query.ts';
import {
  findUserById,
  kindergartenRoles,
  selectUsers,
  toUser,
  userResource,
} from './users.repository.ts';

/** Who changes users, and the authorisation check to apply to each user touched. */
export interface UserChangeContext {
  /** Null for the system itself (the command line, the demo seed). */
  actor: AuditActor | null;
  meta: RequestMeta;
  /** Throws when the actor may not manage a user like this; the system passes a no-op. */
  mayManage: (resource: Resource) => Promise<void>;
}

/** Changes made by the system itself (command line, demo seed): no actor, no check. */
export const systemChange = (): UserChangeContext => ({
  actor: null,
  meta: { requestId: null, ip: null },
  mayManage: async () => {},
});

export interface UserCreateInput extends UserCreate {
  /** Defaults to true: whoever chose or saw the first password is not its owner. */
  mustChangePassword?: boolean;
}

export interface UserWithPassword {
  user: User;
  /** Present only when the password was generated here. */
  password?: string;
}

type Tx = Transaction<Database>;

const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

export class UsersService {
  constructor(
    private readonly deps: {
      platform: Platform;
      audit: AuditService;
      /** The identity service's cache of sessions, cleared here at once after a change. */
      sessionCache?: { clear(): void };
    },
  ) {}

  /** Sessions cached in this process and the others show the user as it was: drop them. */
  private usersChanged(): Promise<void> {
    const caches = this.deps.sessionCache ? [this.deps.sessionCache] : [];
    return announceChange(this.deps.platform.bus, IDENTITY_CHANGED, caches);
  }

  private get db() {
    return this.deps.platform.db;
  }

  private now(): Date {
    return this.deps.platform.now();
  }

  list(actor: ScopedActor, query: UserListQuery) {
    return listUsers(this.db, actor, query);
  }

  /** A kindergarten as a resource of authorisation, or undefined when there is none. */
  async kindergartenResource(id: string): Promise<Resource | undefined> {
    const kg = await this.db
      .selectFrom('kindergartens')
      .select(['id', 'district_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    return kg && { kind: 'kindergarten', districtId: kg.district_id, kindergartenId: kg.id };
  }

  async findByUsername(username: string): Promise<User | undefined> {
    const row = await selectUsers(this.db)
      .where(sql<string>`lower(u.username)`, '=', username.trim().toLowerCase())
      .executeTakeFirst();
    return row && toUser(row);
  }

  async get(id: string): Promise<User> {
    const row = await findUserById(this.db, id);
    if (!row) throw notFound('user', id);
    return toUser(row);
  }

  async create(ctx: UserChangeContext, input: UserCreateInput): Promise<UserWithPassword> {
    const scope = await resolveScope(this.db, input.role, input.scope);
    await ctx.mayManage(scopeResource(input.role, scope));

    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const id = await this.db
      .transaction()
      .execute(async (tx) => {
        const row = await tx
          .insertInto('users')
          .values({
            username: input.username,
            display_name: input.displayName ?? input.username,
            password_hash: passwordHash,
            role: input.role,
            district_id: scope.districtId,
            kindergarten_id: scope.kindergartenId,
            locale: input.locale,
            must_change_password: input.mustChangePassword ?? true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await this.assignMaintained(tx, row.id, scope);
        await this.audit(tx, ctx, {
          action: 'user.create',
          userId: row.id,
          details: { role: input.role },
        });
        return row.id;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict('That username is taken', { field: 'username' });
        throw error;
      });

    const user = await this.get(id);
    return input.password ? { user } : { user, password };
  }

  async update(ctx: UserChangeContext, id: string, patch: UserUpdate): Promise<User> {
    const current = await this.get(id);
    await ctx.mayManage(userResource(current));
    if (patch.role && patch.role !== current.role && ctx.actor?.id === id) {
      throw badRequest('You cannot change your own role');
    }

    const role = patch.role ?? current.role;
    const scope =
      patch.role || patch.scope
        ? await resolveScope(this.db, role, patch.scope ?? scopeOf(current))
        : null;
    if (scope) await ctx.mayManage(scopeResource(role, scope));

    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({
          ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
          ...(scope
            ? { role, district_id: scope.districtId, kindergarten_id: scope.kindergartenId }
            : {}),
          updated_at: this.now(),
        })
        .where('id', '=', id)
        .execute();
      if (scope) await this.assignMaintained(tx, id, scope, true);
      await this.audit(tx, ctx, {
        action: 'user.update',
        userId: id,
        details: { changed: Object.keys(patch).sort(), role },
      });
    });
    await this.usersChanged();
    return this.get(id);
  }

  /** Disables the account and ends its sessions at once. Disabling twice changes nothing. */
  async disable(ctx: UserChangeContext, id: string): Promise<User> {
    const current = await this.get(id);
    await ctx.mayManage(userResource(current));
    if (ctx.actor?.id === id) throw badRequest('You cannot disable your own account');
    if (current.disabledAt) return current;

    const now = this.now();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ disabled_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
      const ended = await deleteUserSessions(tx, id);
      await this.audit(tx, ctx, {
        action: 'user.disable',
        userId: id,
        details: { endedSessions: ended },
      });
    });
    await this.usersChanged();
    return this.get(id);
  }

  /** A new generated password, to be changed at next sign-in; the user's sessions end. */
  async resetPassword(ctx: UserChangeContext, id: string): Promise<Required<UserWithPassword>> {
    const current = await this.get(id);
    await ctx.mayManage(userResource(current));

    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const now = this.now();
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({
          password_hash: passwordHash,
          must_change_password: true,
          password_changed_at: now,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      const ended = await deleteUserSessions(tx, id);
      await this.audit(tx, ctx, {
        action: 'user.password.reset',
        userId: id,
        details: { endedSessions: ended },
      });
    });
    await this.usersChanged();
    return { user: await this.get(id), password };
  }

  private async assignMaintained(tx: Tx, userId: string, scope: ResolvedScope, replace = false) {
    if (replace) {
      await tx.deleteFrom('maintainer_assignments').where('user_id', '=', userId).execute();
    }
    if (scope.maintainedKindergartenIds.length === 0) return;
    await tx
      .insertInto('maintainer_assignments')
      .values(scope.maintainedKindergartenIds.map((k) => ({ user_id: userId, kindergarten_id: k })))
      .execute();
  }

  private async audit(
    tx: Tx,
    ctx: UserChangeContext,
    { action, userId, details }: { action: string; userId: string; details: AuditEntry['details'] },
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: ctx.actor,
        action,
        resourceType: 'user',
        resourceId: userId,
        outcome: 'succeeded',
        requestId: ctx.meta.requestId,
        ip: ctx.meta.ip,
        details,
      },
      tx,
    );
  }
}

/** The scope a user has now, as a request would give it. */
function scopeOf(user: User) {
  if (kindergartenRoles.has(user.role)) return { kindergartenId: user.kindergartenId };
  return {
    districtId: user.districtId,
    kindergartenId: user.kindergartenId,
    maintainedKindergartenIds: user.maintainedKindergartenIds,
  };
}
