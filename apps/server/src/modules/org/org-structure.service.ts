import type {
  Action,
  District,
  Kindergarten,
  districtCreate,
  districtUpdate,
  kindergartenCreate,
  kindergartenUpdate,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { rejectArchivedParent, type OrgAccess, type OrgContext, type Tx } from './org-access.ts';
import { toDistrict, toKindergarten } from './org.mappers.ts';
import * as repo from './org-structure.repository.ts';

export type DistrictCreate = z.output<typeof districtCreate>;
export type DistrictUpdate = z.output<typeof districtUpdate>;
export type KindergartenCreate = z.output<typeof kindergartenCreate>;
export type KindergartenUpdate = z.output<typeof kindergartenUpdate>;

export interface OrgServiceDeps {
  db: Db;
  access: OrgAccess;
  defaultTimezone: string;
  now: () => Date;
}

const CITY = {
  resource: { kind: 'city' },
  archived: false,
  archivedAbove: false,
  kindergartenArchived: false,
} as const;

/** Districts and kindergartens: run by the city administrator, read within each one's scope. */
export class OrgStructureService {
  constructor(private readonly deps: OrgServiceDeps) {}

  async listDistricts(ctx: OrgContext, includeArchived: boolean): Promise<District[]> {
    const rows = await repo.listDistricts(this.deps.db, includeArchived);
    return rows
      .filter((row) => this.deps.access.mayRead(ctx.actor, repo.districtScope(row)))
      .map(toDistrict);
  }

  async getDistrict(ctx: OrgContext, id: string): Promise<District> {
    const found = await this.district(ctx, id, 'org.read');
    return toDistrict(found.row);
  }

  async createDistrict(ctx: OrgContext, input: DistrictCreate): Promise<District> {
    const target = { type: 'district', id: null } as const;
    await this.deps.access.require(
      ctx,
      'org.manage_districts',
      { ...CITY, manage: 'org.manage_districts' },
      target,
    );
    if (!(await repo.cityExists(this.deps.db, input.cityId))) throw notFound('city', input.cityId);

    const row = await this.change(ctx, 'org.district.create', (tx) =>
      repo.insertDistrict(tx, {
        city_id: input.cityId,
        name: input.name,
        admin_code: input.adminCode,
      }),
    );
    return toDistrict(row);
  }

  async updateDistrict(ctx: OrgContext, id: string, input: DistrictUpdate): Promise<District> {
    await this.district(ctx, id, 'org.manage_districts');

    const row = await this.change(ctx, 'org.district.update', (tx) =>
      repo.updateDistrict(tx, id, { name: input.name, admin_code: input.adminCode }),
    );
    return toDistrict(row);
  }

  async setDistrictArchived(ctx: OrgContext, id: string, archive: boolean): Promise<District> {
    const found = await this.district(ctx, id, 'org.manage_districts');
    if ((found.row.archived_at !== null) === archive) return toDistrict(found.row);

    const action = archive ? 'org.district.archive' : 'org.district.restore';
    const row = await this.change(ctx, action, (tx) =>
      repo.updateDistrict(tx, id, { archived_at: archive ? this.deps.now() : null }),
    );
    return toDistrict(row);
  }

  async listKindergartens(
    ctx: OrgContext,
    options: { districtId?: string | undefined; includeArchived: boolean },
  ): Promise<Kindergarten[]> {
    const found = await repo.listKindergartens(this.deps.db, options);
    return found
      .filter(({ scope }) => this.deps.access.mayRead(ctx.actor, scope))
      .map(({ row }) => toKindergarten(row));
  }

  async getKindergarten(ctx: OrgContext, id: string): Promise<Kindergarten> {
    const found = await this.kindergarten(ctx, id, 'org.read');
    return toKindergarten(found.row);
  }

  async createKindergarten(ctx: OrgContext, input: KindergartenCreate): Promise<Kindergarten> {
    const parent = await this.district(ctx, input.districtId, 'org.manage_kindergartens');
    if (parent.scope.archived) throw rejectArchivedParent('districtId', 'district');

    const row = await this.change(ctx, 'org.kindergarten.create', (tx) =>
      repo.insertKindergarten(tx, {
        district_id: input.districtId,
        name: input.name,
        address: input.address,
        type: input.type,
        children_count: input.childrenCount,
        timezone: input.timezone ?? this.deps.defaultTimezone,
      }),
    );
    return toKindergarten(row);
  }

  async updateKindergarten(
    ctx: OrgContext,
    id: string,
    input: KindergartenUpdate,
  ): Promise<Kindergarten> {
    await this.kindergarten(ctx, id, 'org.manage_kindergartens');

    const row = await this.change(ctx, 'org.kindergarten.update', (tx) =>
      repo.updateKindergarten(tx, id, {
        name: input.name,
        address: input.address,
        type: input.type,
        children_count: input.childrenCount,
        timezone: input.timezone,
      }),
    );
    return toKindergarten(row);
  }

  async setKindergartenArchived(
    ctx: OrgContext,
    id: string,
    archive: boolean,
  ): Promise<Kindergarten> {
    const found = await this.kindergarten(ctx, id, 'org.manage_kindergartens');
    if ((found.row.archived_at !== null) === archive) return toKindergarten(found.row);
    if (!archive && found.scope.archivedAbove) throw rejectArchivedParent('districtId', 'district');

    const action = archive ? 'org.kindergarten.archive' : 'org.kindergarten.restore';
    const row = await this.change(ctx, action, (tx) =>
      repo.updateKindergarten(tx, id, { archived_at: archive ? this.deps.now() : null }),
    );
    return toKindergarten(row);
  }

  private async district(ctx: OrgContext, id: string, action: Action) {
    const found = await repo.findDistrict(this.deps.db, id);
    if (!found) throw notFound('district', id);

    await this.deps.access.require(ctx, action, found.scope, { type: 'district', id });
    return found;
  }

  private async kindergarten(ctx: OrgContext, id: string, action: Action) {
    const found = await repo.findKindergarten(this.deps.db, id);
    if (!found) throw notFound('kindergarten', id);

    await this.deps.access.require(ctx, action, found.scope, { type: 'kindergarten', id });
    return found;
  }

  private change<Row extends { id: string }>(
    ctx: OrgContext,
    action: string,
    work: (tx: Tx) => Promise<Row>,
  ): Promise<Row> {
    const type = action.split('.')[1] === 'district' ? 'district' : 'kindergarten';
    return this.deps.access.change(ctx, action, (row: Row) => ({ type, id: row.id }), work);
  }
}
