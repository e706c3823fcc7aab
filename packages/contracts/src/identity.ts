import { z } from 'zod';
import { actorSchema, roleSchema } from './roles.ts';
import { defineRoute, idParams, okBody } from './route.ts';

export const SESSION_COOKIE = 'gw_session';
export const CSRF_HEADER = 'x-csrf-token';

export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, 'must be at least 3 characters')
  .max(64, 'is too long')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may hold only letters, digits, dot, dash and underscore');

/** The password policy: long enough to resist guessing, short enough to hash cheaply. */
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(256, 'must be at most 256 characters');

const displayName = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
const timestamp = z.iso.datetime({ offset: true });

// ---- Sessions ----

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, 'must not be empty').max(64, 'is too long'),
  // Any length is accepted at sign-in so that a policy change never locks out an old account.
  password: z.string().min(1, 'must not be empty').max(256, 'is too long'),
});

export const sessionBody = z.object({
  actor: actorSchema,
  csrfToken: z.string(),
  /** The console asks for a new password before anything else when this is set. */
  mustChangePassword: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionBody>;

export const passwordChangeBody = z
  .strictObject({
    currentPassword: z.string().min(1, 'must not be empty').max(256, 'is too long'),
    newPassword: passwordSchema,
  })
  .refine((b) => b.currentPassword !== b.newPassword, {
    message: 'must differ from the current password',
    path: ['newPassword'],
  });

// ---- Users ----

/** Where a user works. Which fields apply depends on the role (see `userScopeProblem`). */
export const userScopeSchema = z.strictObject({
  districtId: z.uuid().nullable().optional(),
  kindergartenId: z.uuid().nullable().optional(),
  maintainedKindergartenIds: z.array(z.uuid()).max(500).optional(),
});
export type UserScope = z.infer<typeof userScopeSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** For kindergarten roles, the district of their kindergarten. */
  districtId: z.uuid().nullable(),
  kindergartenId: z.uuid().nullable(),
  maintainedKindergartenIds: z.array(z.uuid()),
  locale: localeSchema,
  mustChangePassword: z.boolean(),
  disabledAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type User = z.infer<typeof userSchema>;

export const userCreateBody = z.strictObject({
  username: usernameSchema,
  displayName: displayName.optional(),
  role: roleSchema,
  scope: userScopeSchema.default({}),
  locale: localeSchema.default('zh-CN'),
  /** When absent, a strong password is generated and returned once. */
  password: passwordSchema.optional(),
});
export type UserCreate = z.infer<typeof userCreateBody>;

export const userUpdateBody = z
  .strictObject({
    displayName,
    role: roleSchema,
    scope: userScopeSchema,
    locale: localeSchema,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UserUpdate = z.infer<typeof userUpdateBody>;

const booleanQuery = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const userListQuery = z.object({
  role: roleSchema.optional(),
  districtId: z.uuid().optional(),
  kindergartenId: z.uuid().optional(),
  /** Part of a username or display name. */
  q: z.string().trim().min(1).max(64).optional(),
  includeDisabled: booleanQuery,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type UserListQuery = z.infer<typeof userListQuery>;

export const userListBody = z.object({ items: z.array(userSchema), total: z.number().int() });

export const userWithPasswordBody = z.object({
  user: userSchema,
  /** Present only when the server generated the password; shown once, never stored in clear. */
  password: z.string().optional(),
});

/** Which roles use which scope fields; null when the scope fits the role. */
export function userScopeProblem(
  role: z.infer<typeof roleSchema>,
  scope: UserScope,
): { field: string; message: string } | null {
  const has = (value: unknown) => value !== undefined && value !== null;
  const maintained = scope.maintainedKindergartenIds ?? [];
  if (role !== 'maintainer' && maintained.length > 0) {
    return { field: 'scope.maintainedKindergartenIds', message: 'only for maintainers' };
  }
  switch (role) {
    case 'city_admin':
      if (has(scope.districtId)) return { field: 'scope.districtId', message: 'must be empty' };
      if (has(scope.kindergartenId)) {
        return { field: 'scope.kindergartenId', message: 'must be empty' };
      }
      return null;
    case 'district_reviewer':
    case 'police':
    case 'maintainer':
      if (role === 'district_reviewer' && !has(scope.districtId)) {
        return { field: 'scope.districtId', message: 'is required for a district reviewer' };
      }
      if (has(scope.kindergartenId)) {
        return { field: 'scope.kindergartenId', message: `must be empty for ${role}` };
      }
      return null;
    case 'principal':
    case 'security_officer':
    case 'parent':
      if (!has(scope.kindergartenId)) {
        return { field: 'scope.kindergartenId', message: `is required for ${role}` };
      }
      return null;
  }
}

export const authRoutes = {
  login: defineRoute({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in; sets the session cookie and returns the CSRF token',
    tags: ['auth'],
    body: loginBody,
    response: sessionBody,
  }),
  logout: defineRoute({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out; ends the session and clears the cookie',
    tags: ['auth'],
    response: okBody,
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in user and the CSRF token of the session',
    tags: ['auth'],
    response: sessionBody,
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/auth/password',
    summary: "Change one's own password; ends the user's other sessions",
    tags: ['auth'],
    body: passwordChangeBody,
    response: okBody,
  }),
};

export const userRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/users',
    summary: 'Users within the caller’s scope, filtered',
    tags: ['users'],
    query: userListQuery,
    response: userListBody,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/users',
    summary: 'Create a user',
    tags: ['users'],
    body: userCreateBody,
    response: userWithPasswordBody,
    status: 201,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change a user’s display name, role, scope or language',
    tags: ['users'],
    params: idParams,
    body: userUpdateBody,
    response: userSchema,
  }),
  disable: defineRoute({
    method: 'POST',
    path: '/api/users/:id/disable',
    summary: 'Disable a user; their sessions end at once',
    tags: ['users'],
    params: idParams,
    response: userSchema,
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/users/:id/reset-password',
    summary: 'Give a user a new generated password, shown once; their sessions end',
    tags: ['users'],
    params: idParams,
    response: userWithPasswordBody,
  }),
};
