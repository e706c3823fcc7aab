import { userScopeProblem, type Resource, type Role, type UserScope } from '@gardenwatch/contracts';
import { AppError } from '../../platform/errors.ts';
import { kindergartenRoles, type DbOrTx } from './users.repository.ts';

/** A scope checked against the organisation: what is stored, and what authorisation sees. */
export interface ResolvedScope {
  /** users.district_id: only for roles scoped to a district (a kindergarten's is derived). */
  districtId: string | null;
  kindergartenId: string | null;
  maintainedKindergartenIds: string[];
  /** The district as authorisation sees it (a kindergarten role's is its kindergarten's). */
  effectiveDistrictId: string | null;
}

export const invalidField = (field: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', `Invalid input: ${field}: ${message}`, {
    details: { fields: [{ field, message }] },
  });

/**
 * Checks that the scope fits the role and names existing, unarchived places. `prefix` names
 * where the scope came from in the request (`body.scope`), for the error's field names.
 */
export async function resolveScope(
  db: DbOrTx,
  role: Role,
  scope: UserScope,
  prefix = 'body',
): Promise<ResolvedScope> {
  const problem = userScopeProblem(role, scope);
  if (problem) throw invalidField(`${prefix}.${problem.field}`, problem.message);

  if (kindergartenRoles.has(role)) {
    const kindergartenId = scope.kindergartenId ?? '';
    const kg = await db
      .selectFrom('kindergartens')
      .select('district_id')
      .where('id', '=', kindergartenId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!kg) throw invalidField(`${prefix}.scope.kindergartenId`, 'no such kindergarten');
    if (scope.districtId && scope.districtId !== kg.district_id) {
      throw invalidField(`${prefix}.scope.districtId`, 'is not the kindergarten’s district');
    }
    return {
      districtId: null,
      kindergartenId,
      maintainedKindergartenIds: [],
      effectiveDistrictId: kg.district_id,
    };
  }

  const districtId = scope.districtId ?? null;
  if (districtId) await requireDistrict(db, districtId, `${prefix}.scope.districtId`);
  const maintained = [...new Set(scope.maintainedKindergartenIds ?? [])].sort();
  if (maintained.length > 0) await requireKindergartens(db, maintained, prefix);
  return {
    districtId,
    kindergartenId: null,
    maintainedKindergartenIds: maintained,
    effectiveDistrictId: districtId,
  };
}

async function requireDistrict(db: DbOrTx, id: string, field: string): Promise<void> {
  const found = await db
    .selectFrom('districts')
    .select('id')
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!found) throw invalidField(field, 'no such district');
}

async function requireKindergartens(db: DbOrTx, ids: string[], prefix: string): Promise<void> {
  const found = await db
    .selectFrom('kindergartens')
    .select('id')
    .where('id', 'in', ids)
    .where('archived_at', 'is', null)
    .execute();
  if (found.length !== ids.length) {
    throw invalidField(
      `${prefix}.scope.maintainedKindergartenIds`,
      'names an unknown kindergarten',
    );
  }
}

/** The user-to-be as a resource of authorisation. */
export const scopeResource = (role: Role, scope: ResolvedScope): Resource => ({
  kind: 'user',
  role,
  districtId: scope.effectiveDistrictId,
  kindergartenId: scope.kindergartenId,
});
