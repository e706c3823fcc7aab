import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** Which kindergartens a dashboard covers. */
export interface DashboardScope {
  districtId?: string | undefined;
  kindergartenId?: string | undefined;
}

const scopeFilter = (scope: DashboardScope) => sql`
  k.archived_at is null
  ${scope.districtId ? sql`and k.district_id = ${scope.districtId}` : sql``}
  ${scope.kindergartenId ? sql`and k.id = ${scope.kindergartenId}` : sql``}`;

export interface KindergartenCounts {
  kindergarten_id: string;
  name: string;
  district_id: string;
  district_name: string;
  type: string;
  teachers: number;
  qualified: number;
  staff: number;
  teacher_pay_sum: number;
  staff_pay_sum: number;
  expired: number;
  missing: number;
}

/**
 * One pass over the current versions of active staff, grouped per kindergarten: the numbers
 * every dashboard is made of. Kindergartens without staff are included with zeros. The scope
 * filters the staff before they are grouped, so that a district reads its own staff only.
 */
export async function kindergartenCounts(db: Db, scope: DashboardScope, today: string) {
  const result = await sql<KindergartenCounts>`
    with current as (
      select s.kindergarten_id, v.role, v.education, v.monthly_pay_fen,
             v.certificate_number, v.certificate_valid_until
      from staff s
      join staff_versions v on v.staff_id = s.id and v.valid_to is null and v.status = 'active'
      where s.kindergarten_id in (select k.id from kindergartens k where ${scopeFilter(scope)})
    ), per_kg as (
      select kindergarten_id,
        count(*) filter (where role = 'teacher')::int as teachers,
        count(*) filter (where role = 'teacher'
          and education in ('associate', 'bachelor', 'master'))::int as qualified,
        count(*)::int as staff,
        coalesce(sum(monthly_pay_fen) filter (where role = 'teacher'), 0)::bigint as teacher_pay_sum,
        coalesce(sum(monthly_pay_fen), 0)::bigint as staff_pay_sum,
        count(*) filter (where role = 'teacher'
          and certificate_valid_until < ${today}::date)::int as expired,
        count(*) filter (where role = 'teacher'
          and (certificate_number is null or certificate_valid_until is null))::int as missing
      from current
      group by kindergarten_id
    )
    select k.id as kindergarten_id, k.name, k.district_id, d.name as district_name, k.type,
      coalesce(p.teachers, 0) as teachers, coalesce(p.qualified, 0) as qualified,
      coalesce(p.staff, 0) as staff, coalesce(p.teacher_pay_sum, 0) as teacher_pay_sum,
      coalesce(p.staff_pay_sum, 0) as staff_pay_sum, coalesce(p.expired, 0) as expired,
      coalesce(p.missing, 0) as missing
    from kindergartens k
    join districts d on d.id = k.district_id
    left join per_kg p on p.kindergarten_id = k.id
    where ${scopeFilter(scope)}
    order by d.name, k.name`.execute(db);
  return result.rows.map((r) => ({
    ...r,
    teacher_pay_sum: Number(r.teacher_pay_sum),
    staff_pay_sum: Number(r.staff_pay_sum),
  }));
}

export interface CertificatePerson {
  staff_id: string;
  kindergarten_id: string;
  name: string;
  certificate_number: string | null;
  certificate_valid_until: string | null;
}

/** Active teachers whose certificate has expired or is missing, soonest expired first. */
export async function certificateProblems(
  db: Db,
  scope: DashboardScope,
  today: string,
  limit: number,
) {
  const result = await sql<CertificatePerson>`
    select s.id as staff_id, s.kindergarten_id, v.name, v.certificate_number,
           v.certificate_valid_until::text as certificate_valid_until
    from staff s
    join staff_versions v on v.staff_id = s.id and v.valid_to is null
    join kindergartens k on k.id = s.kindergarten_id
    where v.status = 'active' and v.role = 'teacher'
      and (v.certificate_number is null or v.certificate_valid_until is null
           or v.certificate_valid_until < ${today}::date)
      and ${scopeFilter(scope)}
    order by v.certificate_valid_until nulls first, v.name
    limit ${limit}`.execute(db);
  return result.rows;
}
