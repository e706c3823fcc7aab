import type { AreaKind } from '@gardenwatch/contracts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CamerasTable } from '../../platform/db/schema.ts';

export type CameraRow = Selectable<CamerasTable>;

/** Where an area sits in the organisation: what authorisation decides on. */
export interface AreaPlacement {
  areaId: string;
  areaName: string;
  areaKind: AreaKind;
  isKey: boolean;
  neverFilmed: boolean;
  kindergartenId: string;
  districtId: string;
  archived: boolean;
}

export interface PlacedCamera extends CameraRow {
  placement: AreaPlacement;
}

export interface CameraFilter {
  kindergartenId?: string | undefined;
  areaId?: string | undefined;
  includeArchived: boolean;
}

/**
 * Camera rows, and a read-only look at the organisation tables for the area a camera is in
 * (its kind, key flag, kindergarten and district).
 */
export class CamerasRepository {
  constructor(private readonly db: Db) {}

  async placementOf(areaId: string): Promise<AreaPlacement | undefined> {
    const row = await this.placementQuery().where('a.id', '=', areaId).executeTakeFirst();
    return row ? toPlacement(row) : undefined;
  }

  async insert(values: Insertable<CamerasTable>): Promise<CameraRow> {
    return this.db.insertInto('cameras').values(values).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: string, values: Updateable<CamerasTable>): Promise<CameraRow | undefined> {
    return this.db
      .updateTable('cameras')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async find(id: string): Promise<PlacedCamera | undefined> {
    const row = await this.db
      .selectFrom('cameras')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const placement = await this.placementOf(row.area_id);
    return placement ? { ...row, placement } : undefined;
  }

  async list(filter: CameraFilter): Promise<PlacedCamera[]> {
    let query = this.db.selectFrom('cameras').selectAll().orderBy('name').orderBy('id');
    if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
    if (filter.areaId) query = query.where('area_id', '=', filter.areaId);
    const rows = await query.execute();
    const placements = await this.placementsOf([...new Set(rows.map((r) => r.area_id))]);
    return rows.flatMap((row) => {
      const placement = placements.get(row.area_id);
      if (!placement) return [];
      if (filter.kindergartenId && placement.kindergartenId !== filter.kindergartenId) return [];
      return [{ ...row, placement }];
    });
  }

  /** Cameras the recorder should run: not archived, in areas that may be filmed. */
  async listRecordable(): Promise<PlacedCamera[]> {
    const cameras = await this.list({ includeArchived: false });
    return cameras.filter((c) => !c.placement.neverFilmed && !c.placement.archived);
  }

  private async placementsOf(areaIds: string[]): Promise<Map<string, AreaPlacement>> {
    if (areaIds.length === 0) return new Map();
    const rows = await this.placementQuery().where('a.id', 'in', areaIds).execute();
    return new Map(rows.map((row) => [row.areaId, toPlacement(row)]));
  }

  private placementQuery() {
    return this.db
      .selectFrom('areas as a')
      .innerJoin('floors as f', 'f.id', 'a.floor_id')
      .innerJoin('buildings as b', 'b.id', 'f.building_id')
      .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
      .select([
        'a.id as areaId',
        'a.kind as areaKind',
        'a.name as areaName',
        'a.is_key as isKey',
        'a.never_filmed as neverFilmed',
        'k.id as kindergartenId',
        'k.district_id as districtId',
        'a.archived_at as areaArchived',
        'f.archived_at as floorArchived',
        'b.archived_at as buildingArchived',
        'k.archived_at as kindergartenArchived',
      ]);
  }
}

interface PlacementRow {
  areaId: string;
  areaName: string;
  areaKind: string;
  isKey: boolean;
  neverFilmed: boolean;
  kindergartenId: string;
  districtId: string;
  areaArchived: Date | null;
  floorArchived: Date | null;
  buildingArchived: Date | null;
  kindergartenArchived: Date | null;
}

function toPlacement(row: PlacementRow): AreaPlacement {
  return {
    areaId: row.areaId,
    areaName: row.areaName,
    // The column's check constraint holds exactly the contract's kinds.
    areaKind: row.areaKind as AreaKind,
    isKey: row.isKey,
    neverFilmed: row.neverFilmed,
    kindergartenId: row.kindergartenId,
    districtId: row.districtId,
    archived: [
      row.areaArchived,
      row.floorArchived,
      row.buildingArchived,
      row.kindergartenArchived,
    ].some((at) => at !== null),
  };
}
