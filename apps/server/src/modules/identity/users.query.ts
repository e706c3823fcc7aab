import type { Actor, UserListQuery } from '@gardenwatch/contracts';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { effectiveDistrictSql, selectUsers, toUser, type DbOrTx } from './users.repository.ts';

export type ScopedActor = Pick<
  Actor,
  'role' | 'districtId' | 'kindergartenId' | 'maintainedKindergartenIds'
>;

type Eb = ExpressionBuilder<
  Database & { u: Database['users']; k: Database['kindergartens'] },
  'u' | 'k'
>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The users an actor's scope covers, the same way `inScope` sees a user: the city, a
 * district (a kindergarten user's district is their kindergarten's), or kindergartens.
 */
function inActorScope(eb: Eb, actor: ScopedActor): Expression<SqlBool> {
  if (actor.role === 'city_admin') return sql<boolean>`true`;
  if (actor.role === 'district_reviewer' || actor.role === 'police') {
    if (actor.districtId === null) {
      return actor.role === 'police' ? sql<boolean>`true` : sql<boolean>`false`;
    }
    return eb(effectiveDistrictSql, '=', actor.districtId);
  }
  if (actor.role === 'maintainer') {
    const ids = actor.maintainedKindergartenIds;
    return ids.length > 0 ? eb('u.kindergarten_id', 'in', ids) : sql<boolean>`false`;
  }
  return actor.kindergartenId
    ? eb('u.kindergarten_id', '=', actor.kindergartenId)
    : sql<boolean>`false`;
}

function matches(eb: Eb, actor: ScopedActor, q: UserListQuery): Expression<SqlBool> {
  const terms: Expression<SqlBool>[] = [inActorScope(eb, actor)];
  if (q.role) terms.push(eb('u.role', '=', q.role));
  if (q.kindergartenId) terms.push(eb('u.kindergarten_id', '=', q.kindergartenId));
  if (q.districtId) terms.push(eb(effectiveDistrictSql, '=', q.districtId));
  if (!q.includeDisabled) terms.push(eb('u.disabled_at', 'is', null));
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    terms.push(eb.or([eb('u.username', 'ilike', pattern), eb('u.display_name', 'ilike', pattern)]));
  }
  return eb.and(terms);
}

export async function listUsers(db: DbOrTx, actor: ScopedActor, query: UserListQuery) {
  const rows = await selectUsers(db)
    .where((eb) => matches(eb, actor, query))
    .orderBy(sql`lower(u.username)`)
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  const count = await db
    .selectFrom('users as u')
    .leftJoin('kindergartens as k', 'k.id', 'u.kindergarten_id')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where((eb) => matches(eb, actor, query))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toUser), total: Number(count.total) };
}
