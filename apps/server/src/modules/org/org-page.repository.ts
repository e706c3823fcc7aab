import type { KindergartenPage } from '@gardenwatch/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { KindergartenRow } from './org.mappers.ts';

export type PageBuilding = KindergartenPage['buildings'][number];

export interface PageRows {
  kindergarten: KindergartenRow;
  district: { id: string; name: string; admin_code: string; city_id: string };
  districtArchived: boolean;
  buildings: PageBuilding[];
}

/**
 * Active buildings → floors → areas of the kindergarten `k`, nested by the database into one
 * JSON text: a single round trip, and one string to parse instead of a row per area.
 */
const layoutJson = sql<string>`(
  select coalesce(json_agg(json_build_object(
    'id', b.id, 'kindergartenId', b.kindergarten_id, 'name', b.name,
    'floors', (
      select coalesce(json_agg(json_build_object(
        'id', f.id, 'buildingId', f.building_id, 'name', f.name, 'level', f.level,
        'areas', (
          select coalesce(json_agg(json_build_object(
            'id', a.id, 'floorId', a.floor_id, 'name', a.name, 'kind', a.kind,
            'isKey', a.is_key, 'neverFilmed', a.never_filmed
          ) order by a.name), '[]')
          from areas a where a.floor_id = f.id and a.archived_at is null
        )
      ) order by f.level, f.name), '[]')
      from floors f where f.building_id = b.id and f.archived_at is null
    )
  ) order by b.name), '[]')::text
  from buildings b where b.kindergarten_id = k.id and b.archived_at is null
)`;

/**
 * The whole kindergarten page in one query: the kindergarten, its district and its layout.
 * The caller authorises before answering; a refused read only discards the rows.
 */
export async function pageRows(db: Db, id: string): Promise<PageRows | null> {
  const found = await db
    .selectFrom('kindergartens as k')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('k')
    .select([
      'd.name as d_name',
      'd.admin_code as d_admin_code',
      'd.city_id as d_city_id',
      'd.archived_at as d_archived_at',
      layoutJson.as('layout'),
    ])
    .where('k.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;

  const { d_name, d_admin_code, d_city_id, d_archived_at, layout, ...kindergarten } = found;
  return {
    kindergarten,
    district: {
      id: kindergarten.district_id,
      name: d_name,
      admin_code: d_admin_code,
      city_id: d_city_id,
    },
    districtArchived: d_archived_at !== null,
    // Built by the query above in the contract's shape; the route's response schema checks it
    // again on the way out.
    buildings: JSON.parse(layout) as PageBuilding[],
  };
}
