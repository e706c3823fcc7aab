import type { AreaKind, KindergartenPage } from '@gardenwatch/contracts';
import type { Db } from '../../platform/db/database.ts';
import type { KindergartenRow } from './org.mappers.ts';

type PageBuilding = KindergartenPage['buildings'][number];
type PageFloor = PageBuilding['floors'][number];

export interface PageHead {
  kindergarten: KindergartenRow;
  district: { id: string; name: string; admin_code: string; city_id: string };
  districtArchived: boolean;
}

/** The kindergarten and its district: the first of the page's two queries. */
export async function pageHead(db: Db, id: string): Promise<PageHead | null> {
  const found = await db
    .selectFrom('kindergartens as k')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('k')
    .select([
      'd.name as d_name',
      'd.admin_code as d_admin_code',
      'd.city_id as d_city_id',
      'd.archived_at as d_archived_at',
    ])
    .where('k.id', '=', id)
    .executeTakeFirst();
  if (!found) return null;

  const { d_name, d_admin_code, d_city_id, d_archived_at, ...kindergarten } = found;
  return {
    kindergarten,
    district: {
      id: kindergarten.district_id,
      name: d_name,
      admin_code: d_admin_code,
      city_id: d_city_id,
    },
    districtArchived: d_archived_at !== null,
  };
}

/** Active buildings, floors and areas of a kindergarten as one joined read, nested in memory. */
export async function pageLayout(db: Db, kindergartenId: string): Promise<PageBuilding[]> {
  const rows = await db
    .selectFrom('buildings as b')
    .leftJoin('floors as f', (join) =>
      join.onRef('f.building_id', '=', 'b.id').on('f.archived_at', 'is', null),
    )
    .leftJoin('areas as a', (join) =>
      join.onRef('a.floor_id', '=', 'f.id').on('a.archived_at', 'is', null),
    )
    .select(['b.id as b_id', 'b.name as b_name'])
    .select(['f.id as f_id', 'f.name as f_name', 'f.level as f_level'])
    .select(['a.id as a_id', 'a.name as a_name', 'a.kind as a_kind', 'a.is_key as a_is_key'])
    .select('a.never_filmed as a_never_filmed')
    .where('b.kindergarten_id', '=', kindergartenId)
    .where('b.archived_at', 'is', null)
    .orderBy('b.name')
    .orderBy('f.level')
    .orderBy('f.name')
    .orderBy('a.name')
    .execute();

  const buildings: PageBuilding[] = [];
  let building: PageBuilding | undefined;
  let floor: PageFloor | undefined;
  for (const row of rows) {
    if (building?.id !== row.b_id) {
      building = { id: row.b_id, kindergartenId, name: row.b_name, floors: [] };
      buildings.push(building);
      floor = undefined;
    }
    if (row.f_id === null || row.f_name === null || row.f_level === null) continue;
    if (floor?.id !== row.f_id) {
      floor = {
        id: row.f_id,
        buildingId: row.b_id,
        name: row.f_name,
        level: row.f_level,
        areas: [],
      };
      building.floors.push(floor);
    }
    if (row.a_id === null || row.a_name === null) continue;
    floor.areas.push({
      id: row.a_id,
      floorId: row.f_id,
      name: row.a_name,
      kind: row.a_kind as AreaKind,
      isKey: row.a_is_key === true,
      neverFilmed: row.a_never_filmed === true,
    });
  }
  return buildings;
}
