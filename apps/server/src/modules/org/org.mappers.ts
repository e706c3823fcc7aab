import {
  sizeGrade,
  type Area,
  type AreaKind,
  type Building,
  type District,
  type Floor,
  type Kindergarten,
} from '@gardenwatch/contracts';
import type { Selectable } from 'kysely';
import type {
  AreasTable,
  BuildingsTable,
  DistrictsTable,
  FloorsTable,
  KindergartensTable,
} from '../../platform/db/schema.ts';

export type DistrictRow = Selectable<DistrictsTable>;
export type KindergartenRow = Selectable<KindergartensTable>;
export type BuildingRow = Selectable<BuildingsTable>;
export type FloorRow = Selectable<FloorsTable>;
export type AreaRow = Selectable<AreasTable>;

const iso = (value: Date | string): string =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null =>
  value === null ? null : iso(value);

interface Stamped {
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

const stamps = (row: Stamped) => ({
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
  archivedAt: isoOrNull(row.archived_at),
});

export const toDistrict = (row: DistrictRow): District => ({
  id: row.id,
  cityId: row.city_id,
  name: row.name,
  adminCode: row.admin_code,
  ...stamps(row),
});

export const toKindergarten = (row: KindergartenRow): Kindergarten => ({
  id: row.id,
  districtId: row.district_id,
  name: row.name,
  address: row.address,
  type: row.type,
  childrenCount: row.children_count,
  sizeGrade: sizeGrade(row.children_count),
  timezone: row.timezone,
  ...stamps(row),
});

export const toBuilding = (row: BuildingRow): Building => ({
  id: row.id,
  kindergartenId: row.kindergarten_id,
  name: row.name,
  ...stamps(row),
});

export const toFloor = (row: FloorRow): Floor => ({
  id: row.id,
  buildingId: row.building_id,
  name: row.name,
  level: row.level,
  ...stamps(row),
});

export const toArea = (row: AreaRow): Area => ({
  id: row.id,
  floorId: row.floor_id,
  name: row.name,
  // The column's check constraint admits only the kinds of the contract.
  kind: row.kind as AreaKind,
  isKey: row.is_key,
  neverFilmed: row.never_filmed,
  ...stamps(row),
});
