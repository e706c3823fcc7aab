import {
  keyAreaKindsByDefault,
  type Area,
  type AreaKind,
  type Building,
  type Floor,
  type areaCreate,
  type areaUpdate,
  type buildingCreate,
  type buildingUpdate,
  type floorCreate,
  type floorUpdate,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import {
  rejectArchivedParent,
  type OrgAccess,
  type OrgContext,
  type OrgResourceType,
  type Tx,
} from './org-access.ts';
import * as layout from './org-layout.repository.ts';
import { findKindergarten, type Located } from './org-structure.repository.ts';
import { toArea, toBuilding, toFloor } from './org.mappers.ts';

export type BuildingCreate = z.output<typeof buildingCreate>;
export type BuildingUpdate = z.output<typeof buildingUpdate>;
export type FloorCreate = z.output<typeof floorCreate>;
export type FloorUpdate = z.output<typeof floorUpdate>;
export type AreaCreate = z.output<typeof areaCreate>;
export type AreaUpdate = z.output<typeof areaUpdate>;

export interface OrgLayoutDeps {
  db: Db;
  access: OrgAccess;
  now: () => Date;
}

export const isKeyByDefault = (kind: AreaKind): boolean => keyAreaKindsByDefault.has(kind);

type Finder<Row> = (db: Db, id: string) => Promise<Located<Row> | null>;
type Level = Exclude<OrgResourceType, 'district'>;

/**
 * Buildings, floors and areas of a kindergarten: its principal manages them (and the city
 * administrator); everyone who may see the kindergarten reads them.
 */
export class OrgLayoutService {
  constructor(private readonly deps: OrgLayoutDeps) {}

  async getBuilding(ctx: OrgContext, id: string): Promise<Building> {
    return toBuilding((await this.load(ctx, 'building', layout.findBuilding, id, false)).row);
  }

  async listBuildings(ctx: OrgContext, kindergartenId: string, all: boolean) {
    await this.load(ctx, 'kindergarten', findKindergarten, kindergartenId, false);
    return (await layout.listBuildings(this.deps.db, kindergartenId, all)).map(toBuilding);
  }

  async createBuilding(ctx: OrgContext, input: BuildingCreate): Promise<Building> {
    const id = input.kindergartenId;
    await this.parent(ctx, 'kindergarten', findKindergarten, id, 'kindergartenId');

    const row = await this.change(ctx, 'building', 'create', (tx) =>
      layout.insertBuilding(tx, { kindergarten_id: id, name: input.name }),
    );
    return toBuilding(row);
  }

  async updateBuilding(ctx: OrgContext, id: string, input: BuildingUpdate): Promise<Building> {
    await this.load(ctx, 'building', layout.findBuilding, id, true);

    const row = await this.change(ctx, 'building', 'update', (tx) =>
      layout.updateBuilding(tx, id, { name: input.name }),
    );
    return toBuilding(row);
  }

  async setBuildingArchived(ctx: OrgContext, id: string, archive: boolean): Promise<Building> {
    const found = await this.load(ctx, 'building', layout.findBuilding, id, true);
    const row = await this.archive(ctx, 'building', found, archive, 'kindergartenId', (tx, at) =>
      layout.updateBuilding(tx, id, { archived_at: at }),
    );
    return toBuilding(row);
  }

  async getFloor(ctx: OrgContext, id: string): Promise<Floor> {
    return toFloor((await this.load(ctx, 'floor', layout.findFloor, id, false)).row);
  }

  async listFloors(ctx: OrgContext, buildingId: string, all: boolean) {
    await this.load(ctx, 'building', layout.findBuilding, buildingId, false);
    return (await layout.listFloors(this.deps.db, buildingId, all)).map(toFloor);
  }

  /** Creates the floor and any areas given with it in one transaction: all or nothing. */
  async createFloor(ctx: OrgContext, input: FloorCreate): Promise<Floor> {
    const id = input.buildingId;
    await this.parent(ctx, 'building', layout.findBuilding, id, 'buildingId');

    const row = await this.change(ctx, 'floor', 'create', async (tx) => {
      const floor = await layout.insertFloor(tx, {
        building_id: id,
        name: input.name,
        level: input.level,
      });
      for (const area of input.areas ?? []) {
        await layout.insertArea(tx, {
          floor_id: floor.id,
          name: area.name,
          kind: area.kind,
          is_key: area.isKey ?? isKeyByDefault(area.kind),
        });
      }
      return floor;
    });
    return toFloor(row);
  }

  async updateFloor(ctx: OrgContext, id: string, input: FloorUpdate): Promise<Floor> {
    await this.load(ctx, 'floor', layout.findFloor, id, true);

    const row = await this.change(ctx, 'floor', 'update', (tx) =>
      layout.updateFloor(tx, id, { name: input.name, level: input.level }),
    );
    return toFloor(row);
  }

  async setFloorArchived(ctx: OrgContext, id: string, archive: boolean): Promise<Floor> {
    const found = await this.load(ctx, 'floor', layout.findFloor, id, true);
    const row = await this.archive(ctx, 'floor', found, archive, 'buildingId', (tx, at) =>
      layout.updateFloor(tx, id, { archived_at: at }),
    );
    return toFloor(row);
  }

  async getArea(ctx: OrgContext, id: string): Promise<Area> {
    return toArea((await this.load(ctx, 'area', layout.findArea, id, false)).row);
  }

  async listAreas(ctx: OrgContext, floorId: string, all: boolean) {
    await this.load(ctx, 'floor', layout.findFloor, floorId, false);
    return (await layout.listAreas(this.deps.db, floorId, all)).map(toArea);
  }

  async createArea(ctx: OrgContext, input: AreaCreate): Promise<Area> {
    await this.parent(ctx, 'floor', layout.findFloor, input.floorId, 'floorId');

    const row = await this.change(ctx, 'area', 'create', (tx) =>
      layout.insertArea(tx, {
        floor_id: input.floorId,
        name: input.name,
        kind: input.kind,
        is_key: input.isKey ?? isKeyByDefault(input.kind),
      }),
    );
    return toArea(row);
  }

  /** A change of kind without an explicit flag takes the new kind's key-area default. */
  async updateArea(ctx: OrgContext, id: string, input: AreaUpdate): Promise<Area> {
    const found = await this.load(ctx, 'area', layout.findArea, id, true);
    const kindChanged = input.kind !== undefined && input.kind !== found.row.kind;
    const isKey =
      input.isKey ?? (kindChanged && input.kind ? isKeyByDefault(input.kind) : undefined);

    const row = await this.change(ctx, 'area', 'update', (tx) =>
      layout.updateArea(tx, id, { name: input.name, kind: input.kind, is_key: isKey }),
    );
    return toArea(row);
  }

  async setAreaArchived(ctx: OrgContext, id: string, archive: boolean): Promise<Area> {
    const found = await this.load(ctx, 'area', layout.findArea, id, true);
    const row = await this.archive(ctx, 'area', found, archive, 'floorId', (tx, at) =>
      layout.updateArea(tx, id, { archived_at: at }),
    );
    return toArea(row);
  }

  /** Finds a row the actor may read (or, with `manage`, change); 404 when out of sight. */
  private async load<Row>(
    ctx: OrgContext,
    type: Level,
    find: Finder<Row>,
    id: string,
    manage: boolean,
  ): Promise<Located<Row>> {
    const found = await find(this.deps.db, id);
    if (!found) throw notFound(type, id);

    const action = manage ? found.scope.manage : 'org.read';
    await this.deps.access.require(ctx, action, found.scope, { type, id });
    return found;
  }

  /** The parent of a new row: the actor must manage its layout and it must be active. */
  private async parent<Row>(
    ctx: OrgContext,
    type: Level,
    find: Finder<Row>,
    id: string,
    field: string,
  ) {
    const found = await find(this.deps.db, id);
    if (!found) throw notFound(type, id);

    await this.deps.access.require(ctx, 'org.manage_layout', found.scope, { type, id });
    if (found.scope.archived) throw rejectArchivedParent(field, type);
  }

  private async archive<Row extends { id: string; archived_at: Date | null }>(
    ctx: OrgContext,
    type: Level,
    found: Located<Row>,
    archive: boolean,
    parentField: string,
    write: (tx: Tx, at: Date | null) => Promise<Row>,
  ): Promise<Row> {
    if ((found.row.archived_at !== null) === archive) return found.row;
    if (!archive && found.scope.archivedAbove) throw rejectArchivedParent(parentField, type);

    return this.change(ctx, type, archive ? 'archive' : 'restore', (tx) =>
      write(tx, archive ? this.deps.now() : null),
    );
  }

  private change<Row extends { id: string }>(
    ctx: OrgContext,
    type: Level,
    verb: string,
    work: (tx: Tx) => Promise<Row>,
  ): Promise<Row> {
    return this.deps.access.change(
      ctx,
      `org.${type}.${verb}`,
      (row: Row) => ({ type, id: row.id }),
      work,
    );
  }
}
