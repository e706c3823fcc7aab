import type { AreaKind } from '@gardenwatch/contracts';
import {
  sql,
  type ColumnType,
  type Generated,
  type Insertable,
  type Kysely,
  type Selectable,
  type Transaction,
} from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';

type Json<T> = ColumnType<T, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FloorPlansTable {
  floor_id: string;
  outline: Json<unknown>;
  walls: Json<unknown>;
  obstacles: Json<unknown>;
  area_polygons: Json<unknown>;
  scale: ColumnType<unknown, string | null, string | null>;
  min_dead_zone_m2: number;
  background: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  background_type: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_at: Stamp;
}

export interface PlanCamerasTable {
  id: Generated<string>;
  floor_id: string;
  camera_id: string | null;
  name: string;
  type: 'fixed' | 'fisheye';
  x: number;
  y: number;
  mount_height: number;
  direction: number;
  fov: number;
  focal_length_mm: number | null;
  sensor_width_mm: number | null;
  range_m: number;
  resolution_x: number;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Stamp;
  archived_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RequiredLevelsTable {
  kind: string;
  level: string;
  updated_at: Stamp;
}

/** The coverage module's own tables, kept beside it rather than in the shared schema file. */
export type CoverageTables = {
  floor_plans: FloorPlansTable;
  plan_cameras: PlanCamerasTable;
  coverage_required_levels: RequiredLevelsTable;
};

export type PlanRow = Omit<Selectable<FloorPlansTable>, 'background'>;
export type PlanCameraRow = Selectable<PlanCamerasTable>;
export type PlanCameraValues = Omit<
  Insertable<PlanCamerasTable>,
  'id' | 'created_at' | 'archived_at'
>;
export type CoverageTx = Transaction<Database>;

/** Where a floor sits in the organisation, for authorisation and reports. */
export interface FloorPlace {
  floorId: string;
  floorName: string;
  kindergartenId: string;
  districtId: string;
  archived: boolean;
}

export interface AreaRow {
  id: string;
  floorId: string;
  name: string;
  kind: AreaKind;
  isKey: boolean;
  neverFilmed: boolean;
}

const PLAN_COLUMNS = [
  'floor_id',
  'outline',
  'walls',
  'obstacles',
  'area_polygons',
  'scale',
  'min_dead_zone_m2',
  'background_type',
  'version',
  'updated_at',
] as const;

export class CoverageRepository {
  private readonly db: Kysely<Database & CoverageTables>;

  constructor(private readonly raw: Db) {
    this.db = raw.withTables<CoverageTables>();
  }

  transaction<T>(work: (tx: CoverageTx) => Promise<T>): Promise<T> {
    return this.raw.transaction().execute(work);
  }

  /** Floors of the organisation model, read for their place (the org module owns them). */
  async floorPlace(floorId: string): Promise<FloorPlace | undefined> {
    return this.floorQuery().where('f.id', '=', floorId).executeTakeFirst();
  }

  async floorsOfKindergarten(kindergartenId: string): Promise<FloorPlace[]> {
    return this.floorQuery()
      .where('k.id', '=', kindergartenId)
      .where('f.archived_at', 'is', null)
      .where('b.archived_at', 'is', null)
      .orderBy('b.name')
      .orderBy('f.level')
      .execute();
  }

  async areasOfFloors(floorIds: string[]): Promise<AreaRow[]> {
    if (floorIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('areas')
      .select([
        'id',
        'floor_id as floorId',
        'name',
        'kind',
        'is_key as isKey',
        'never_filmed as neverFilmed',
      ])
      .where('floor_id', 'in', floorIds)
      .where('archived_at', 'is', null)
      .orderBy('name')
      .execute();
    // The column's check constraint holds exactly the contract's kinds.
    return rows.map((row) => ({ ...row, kind: row.kind as AreaKind }));
  }

  async plan(floorId: string): Promise<PlanRow | undefined> {
    return this.db
      .selectFrom('floor_plans')
      .select(PLAN_COLUMNS)
      .where('floor_id', '=', floorId)
      .executeTakeFirst();
  }

  async plans(floorIds: string[]): Promise<PlanRow[]> {
    if (floorIds.length === 0) return [];
    return this.db
      .selectFrom('floor_plans')
      .select(PLAN_COLUMNS)
      .where('floor_id', 'in', floorIds)
      .execute();
  }

  async savePlan(tx: CoverageTx, values: Insertable<FloorPlansTable>): Promise<void> {
    const { floor_id: _id, ...update } = values;
    await tx
      .withTables<CoverageTables>()
      .insertInto('floor_plans')
      .values(values)
      .onConflict((oc) =>
        oc.column('floor_id').doUpdateSet((eb) => ({
          ...update,
          version: eb('floor_plans.version', '+', 1),
        })),
      )
      .execute();
  }

  async background(floorId: string) {
    return this.db
      .selectFrom('floor_plans')
      .select(['background', 'background_type'])
      .where('floor_id', '=', floorId)
      .executeTakeFirst();
  }

  async setBackground(tx: CoverageTx, floorId: string, bytes: Buffer, type: string) {
    await tx
      .withTables<CoverageTables>()
      .updateTable('floor_plans')
      .set((eb) => ({
        background: bytes,
        background_type: type,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('floor_id', '=', floorId)
      .execute();
  }

  async backgroundSizes(floorIds: string[]): Promise<Map<string, number>> {
    if (floorIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('floor_plans')
      .select(['floor_id', (eb) => eb.fn<number>('octet_length', ['background']).as('bytes')])
      .where('floor_id', 'in', floorIds)
      .where('background', 'is not', null)
      .execute();
    return new Map(rows.map((row) => [row.floor_id, Number(row.bytes)]));
  }

  async cameras(floorIds: string[]): Promise<PlanCameraRow[]> {
    if (floorIds.length === 0) return [];
    return this.db
      .selectFrom('plan_cameras')
      .selectAll()
      .where('floor_id', 'in', floorIds)
      .where('archived_at', 'is', null)
      .orderBy('name')
      .orderBy('id')
      .execute();
  }

  async camera(id: string): Promise<PlanCameraRow | undefined> {
    return this.db
      .selectFrom('plan_cameras')
      .selectAll()
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
  }

  async insertCamera(tx: CoverageTx, values: PlanCameraValues): Promise<PlanCameraRow> {
    return tx
      .withTables<CoverageTables>()
      .insertInto('plan_cameras')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async updateCamera(tx: CoverageTx, id: string, values: PlanCameraValues) {
    return tx
      .withTables<CoverageTables>()
      .updateTable('plan_cameras')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async archiveCamera(tx: CoverageTx, id: string, at: Date): Promise<void> {
    await tx
      .withTables<CoverageTables>()
      .updateTable('plan_cameras')
      .set({ archived_at: at })
      .where('id', '=', id)
      .execute();
  }

  async requiredLevels(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('coverage_required_levels').selectAll().execute();
    return new Map(rows.map((row) => [row.kind, row.level]));
  }

  async setRequiredLevels(tx: CoverageTx, levels: { kind: string; level: string }[]) {
    for (const { kind, level } of levels) {
      await tx
        .withTables<CoverageTables>()
        .insertInto('coverage_required_levels')
        .values({ kind, level })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ level, updated_at: new Date() }))
        .execute();
    }
  }

  async kindergarten(id: string) {
    return this.db
      .selectFrom('kindergartens as k')
      .innerJoin('districts as d', 'd.id', 'k.district_id')
      .select(['k.id', 'k.name', 'k.district_id as districtId', 'd.name as districtName'])
      .where('k.id', '=', id)
      .executeTakeFirst();
  }

  async district(id: string) {
    return this.db
      .selectFrom('districts')
      .select(['id', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Active kindergartens of a district, or of the whole city when no district is given. */
  async kindergartens(districtId: string | null) {
    let query = this.db
      .selectFrom('kindergartens as k')
      .innerJoin('districts as d', 'd.id', 'k.district_id')
      .select(['k.id', 'k.name', 'k.district_id as districtId', 'd.name as districtName'])
      .where('k.archived_at', 'is', null)
      .where('d.archived_at', 'is', null);
    if (districtId) query = query.where('k.district_id', '=', districtId);
    return query.orderBy('d.name').orderBy('k.name').execute();
  }

  private floorQuery() {
    return this.db
      .selectFrom('floors as f')
      .innerJoin('buildings as b', 'b.id', 'f.building_id')
      .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
      .select((eb) => [
        'f.id as floorId',
        sql<string>`b.name || ' · ' || f.name`.as('floorName'),
        'k.id as kindergartenId',
        'k.district_id as districtId',
        eb
          .or([
            eb('f.archived_at', 'is not', null),
            eb('b.archived_at', 'is not', null),
            eb('k.archived_at', 'is not', null),
          ])
          .$castTo<boolean>()
          .as('archived'),
      ]);
  }
}
