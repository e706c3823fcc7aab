import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AreasTable, BuildingsTable, FloorsTable } from '../../platform/db/schema.ts';
import type { OrgScope, Tx } from './org-access.ts';
import type { AreaRow, BuildingRow, FloorRow } from './org.mappers.ts';
import type { Located } from './org-structure.repository.ts';

type Conn = Db | Tx;

interface Ancestry {
  kg_id: string;
  kg_district_id: string;
  /** The first archived time found among the ancestors, if any. */
  above_archived_at: Date | null;
  kg_archived_at: Date | null;
}

function layoutScope(own: Date | null, ancestry: Ancestry): OrgScope {
  const archivedAbove = ancestry.above_archived_at !== null;
  return {
    resource: {
      kind: 'kindergarten',
      districtId: ancestry.kg_district_id,
      kindergartenId: ancestry.kg_id,
    },
    manage: 'org.manage_layout',
    archived: archivedAbove || own !== null,
    archivedAbove,
    kindergartenArchived: ancestry.kg_archived_at !== null,
  };
}

function split<Row extends { archived_at: Date | null }>(
  found: (Row & Ancestry) | undefined,
): Located<Row> | null {
  if (!found) return null;

  const { kg_id, kg_district_id, above_archived_at, kg_archived_at, ...rest } = found;
  const row = rest as unknown as Row;
  const ancestry = { kg_id, kg_district_id, above_archived_at, kg_archived_at };
  return { row, scope: layoutScope(row.archived_at, ancestry) };
}

export async function findBuilding(db: Conn, id: string): Promise<Located<BuildingRow> | null> {
  const found = await db
    .selectFrom('buildings as b')
    .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('b')
    .select(['k.id as kg_id', 'k.district_id as kg_district_id'])
    .select(sql<Date | null>`coalesce(k.archived_at, d.archived_at)`.as('kg_archived_at'))
    .select(sql<Date | null>`coalesce(k.archived_at, d.archived_at)`.as('above_archived_at'))
    .where('b.id', '=', id)
    .executeTakeFirst();
  return split<BuildingRow>(found);
}

export async function findFloor(db: Conn, id: string): Promise<Located<FloorRow> | null> {
  const found = await db
    .selectFrom('floors as f')
    .innerJoin('buildings as b', 'b.id', 'f.building_id')
    .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('f')
    .select(['k.id as kg_id', 'k.district_id as kg_district_id'])
    .select(sql<Date | null>`coalesce(k.archived_at, d.archived_at)`.as('kg_archived_at'))
    .select(
      sql<Date | null>`coalesce(b.archived_at, k.archived_at, d.archived_at)`.as(
        'above_archived_at',
      ),
    )
    .where('f.id', '=', id)
    .executeTakeFirst();
  return split<FloorRow>(found);
}

export async function findArea(db: Conn, id: string): Promise<Located<AreaRow> | null> {
  const found = await db
    .selectFrom('areas as a')
    .innerJoin('floors as f', 'f.id', 'a.floor_id')
    .innerJoin('buildings as b', 'b.id', 'f.building_id')
    .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
    .innerJoin('districts as d', 'd.id', 'k.district_id')
    .selectAll('a')
    .select(['k.id as kg_id', 'k.district_id as kg_district_id'])
    .select(sql<Date | null>`coalesce(k.archived_at, d.archived_at)`.as('kg_archived_at'))
    .select(
      sql<Date | null>`coalesce(f.archived_at, b.archived_at, k.archived_at, d.archived_at)`.as(
        'above_archived_at',
      ),
    )
    .where('a.id', '=', id)
    .executeTakeFirst();
  return split<AreaRow>(found);
}

export async function listBuildings(db: Conn, kindergartenId: string, includeArchived: boolean) {
  let query = db
    .selectFrom('buildings')
    .selectAll()
    .where('kindergarten_id', '=', kindergartenId)
    .orderBy('name');
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export async function listFloors(db: Conn, buildingId: string, includeArchived: boolean) {
  let query = db
    .selectFrom('floors')
    .selectAll()
    .where('building_id', '=', buildingId)
    .orderBy('level')
    .orderBy('name');
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export async function listAreas(db: Conn, floorId: string, includeArchived: boolean) {
  let query = db.selectFrom('areas').selectAll().where('floor_id', '=', floorId).orderBy('name');
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.execute();
}

export const insertBuilding = (tx: Tx, values: Insertable<BuildingsTable>) =>
  tx.insertInto('buildings').values(values).returningAll().executeTakeFirstOrThrow();

export const updateBuilding = (tx: Tx, id: string, values: Updateable<BuildingsTable>) =>
  tx
    .updateTable('buildings')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const insertFloor = (tx: Tx, values: Insertable<FloorsTable>) =>
  tx.insertInto('floors').values(values).returningAll().executeTakeFirstOrThrow();

export const updateFloor = (tx: Tx, id: string, values: Updateable<FloorsTable>) =>
  tx
    .updateTable('floors')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const insertArea = (tx: Tx, values: Insertable<AreasTable>) =>
  tx.insertInto('areas').values(values).returningAll().executeTakeFirstOrThrow();

export const updateArea = (tx: Tx, id: string, values: Updateable<AreasTable>) =>
  tx
    .updateTable('areas')
    .set({ ...values, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
