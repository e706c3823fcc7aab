import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { DistrictsTable, KindergartensTable } from '../../platform/db/schema.ts';
import type { OrgScope, Tx } from './org-access.ts';
import type { DistrictRow, KindergartenRow } from './org.mappers.ts';

type Conn = Db | Tx;

export interface Located<Row> {
  row: Row;
  scope: OrgScope;
}

export async function cityExists(db: Conn, id: string): Promise<boolean> {
  const row = await db.selectFrom('cities').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function findDistrict(db: Conn, id: string): Promise<Located<DistrictRow> | null> {
  const row = await db.selectFrom('districts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;

  return { row, scope: districtScope(row) };
}

export const districtScope = (row: DistrictRow): OrgScope => ({
  resource: { kind: 'district', districtId: row.id },
  manage: 'org.manage_districts',
  archived: row.archived_at !== null,
  archivedAbove: false,
  kindergartenArchived: false,
});

export async function findKindergarten(
  db: Conn,
  id: string,
): Promise<Located<KindergartenRow> | null> {
  const found = await db
    .selectFrom('kindergartens as k')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('k')
    .select('d.archived_at as district_archived_at')
    .where('k.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;

  const { district_archived_at: districtArchived, ...row } = found;
  return { row, scope: kindergartenScope(row, districtArchived !== null) };
}

export function kindergartenScope(row: KindergartenRow, archivedAbove: boolean): OrgScope {
  return {
    resource: { kind: 'kindergarten', districtId: row.district_id, kindergartenId: row.id },
    manage: 'org.manage_kindergartens',
    archived: archivedAbove || row.archived_at !== null,
    archivedAbove,
    kindergartenArchived: archivedAbove || row.archived_at !== null,
  };
}

export async function listDistricts(db: Conn, includeArchived: boolean): Promise<DistrictRow[]> {
  let query = db.selectFrom('districts').selectAll().orderBy('admin_code').orderBy('name');
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export async function listKindergartens(
  db: Conn,
  options: { districtId?: string | undefined; includeArchived: boolean },
): Promise<Located<KindergartenRow>[]> {
  let query = db
    .selectFrom('kindergartens as k')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('k')
    .select('d.archived_at as district_archived_at')
    .orderBy('k.name');
  if (options.districtId) query = query.where('k.district_id', '=', options.districtId);
  if (!options.includeArchived) {
    query = query.where('k.archived_at', 'is', null).where('d.archived_at', 'is', null);
  }
  const rows = await query.execute();
  return rows.map(({ district_archived_at: districtArchived, ...row }) => ({
    row,
    scope: kindergartenScope(row, districtArchived !== null),
  }));
}

export const insertDistrict = (tx: Tx, values: Insertable<DistrictsTable>) =>
  tx.insertInto('districts').values(values).returningAll().executeTakeFirstOrThrow();

export const updateDistrict = (tx: Tx, id: string, values: Updateable<DistrictsTable>) =>
  tx
    .updateTable('districts')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const insertKindergarten = (tx: Tx, values: Insertable<KindergartensTable>) =>
  tx.insertInto('kindergartens').values(values).returningAll().executeTakeFirstOrThrow();

export const updateKindergarten = (tx: Tx, id: string, values: Updateable<KindergartensTable>) =>
  tx
    .updateTable('kindergartens')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export interface TreeRows {
  districts: {
    id: string;
    name: string;
    admin_code: string;
    city_id: string;
    city_name: string;
    city_admin_code: string;
  }[];
  kindergartens: {
    id: string;
    district_id: string;
    name: string;
    type: KindergartenRow['type'];
    children_count: number;
    building_count: number;
    area_count: number;
    key_area_count: number;
  }[];
}

/** Every active district and kindergarten with layout counts, in two queries. */
export async function treeRows(db: Conn): Promise<TreeRows> {
  const districts = await db
    .selectFrom('districts as d')
    .innerJoin('cities as c', 'c.id', 'd.city_id')
    .select(['d.id', 'd.name', 'd.admin_code', 'd.city_id'])
    .select(['c.name as city_name', 'c.admin_code as city_admin_code'])
    .where('d.archived_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .orderBy('c.admin_code')
    .orderBy('d.admin_code')
    .execute();

  const kindergartens = await db
    .selectFrom('kindergartens as k')
    .leftJoin('buildings as b', (join) =>
      join.onRef('b.kindergarten_id', '=', 'k.id').on('b.archived_at', 'is', null),
    )
    .leftJoin('floors as f', (join) =>
      join.onRef('f.building_id', '=', 'b.id').on('f.archived_at', 'is', null),
    )
    .leftJoin('areas as a', (join) =>
      join.onRef('a.floor_id', '=', 'f.id').on('a.archived_at', 'is', null),
    )
    .select(['k.id', 'k.district_id', 'k.name', 'k.type', 'k.children_count'])
    .select([
      sql<number>`count(distinct b.id)::int`.as('building_count'),
      sql<number>`count(a.id)::int`.as('area_count'),
      sql<number>`(count(a.id) filter (where a.is_key))::int`.as('key_area_count'),
    ])
    .where('k.archived_at', 'is', null)
    .groupBy('k.id')
    .orderBy('k.name')
    .execute();

  return { districts, kindergartens };
}
