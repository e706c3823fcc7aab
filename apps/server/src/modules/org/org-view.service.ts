import {
  can,
  kindergartenPageSchema,
  sizeGrade,
  type KindergartenPage,
  type OrgTree,
} from '@gardenwatch/contracts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { PreparedJson } from '../../platform/http/route.ts';
import type { ReadCache } from '../../platform/read-cache.ts';
import type { OrgAccess, OrgContext, OrgScope } from './org-access.ts';
import { toKindergarten } from './org.mappers.ts';
import { pageRows } from './org-page.repository.ts';
import { kindergartenScope, treeRows, type TreeRows } from './org-structure.repository.ts';

export interface OrgViewDeps {
  db: Db;
  access: OrgAccess;
  /** Kindergarten pages by id, cleared after every organisation change (see OrgAccess). */
  pages: ReadCache<CachedPage>;
}

/** A kindergarten page as read and serialised once, with the scope to authorise each reader. */
export interface CachedPage {
  scope: OrgScope;
  page: PreparedJson;
}

type City = OrgTree['cities'][number];
type TreeDistrict = City['districts'][number];

/** The read models of the console: the navigation tree and the kindergarten page. */
export class OrgViewService {
  constructor(private readonly deps: OrgViewDeps) {}

  /**
   * Active districts and kindergartens the actor may read. A district appears when the actor
   * may read it or one of its kindergartens, so that every kindergarten has its place.
   */
  async tree(ctx: OrgContext): Promise<OrgTree> {
    const rows = await treeRows(this.deps.db);
    const { actor } = ctx;
    const kindergartensByDistrict = new Map<string, TreeDistrict['kindergartens']>();
    for (const k of rows.kindergartens) {
      const resource = {
        kind: 'kindergarten',
        districtId: k.district_id,
        kindergartenId: k.id,
      } as const;
      if (!can(actor, 'org.read', resource)) continue;
      const list = kindergartensByDistrict.get(k.district_id) ?? [];
      list.push(treeKindergarten(k));
      kindergartensByDistrict.set(k.district_id, list);
    }

    const cities = new Map<string, City>();
    for (const d of rows.districts) {
      const kindergartens = kindergartensByDistrict.get(d.id) ?? [];
      const readable = can(actor, 'org.read', { kind: 'district', districtId: d.id });
      if (!readable && kindergartens.length === 0) continue;
      const city = cities.get(d.city_id) ?? newCity(d);
      cities.set(d.city_id, city);
      city.districts.push({
        id: d.id,
        name: d.name,
        adminCode: d.admin_code,
        kindergartenCount: kindergartens.length,
        kindergartens,
      });
      city.districtCount += 1;
      city.kindergartenCount += kindergartens.length;
    }
    return { cities: [...cities.values()] };
  }

  /**
   * The kindergarten page: one query, checked and serialised once and then served from memory
   * until the organisation changes; each reader is authorised on the page's scope.
   */
  async kindergartenPage(ctx: OrgContext, id: string): Promise<PreparedJson> {
    const cached = await this.deps.pages.load(id, () => this.readPage(id));
    if (!cached) throw notFound('kindergarten', id);
    await this.deps.access.require(ctx, 'org.read', cached.scope, { type: 'kindergarten', id });
    return cached.page;
  }

  private async readPage(id: string): Promise<CachedPage | undefined> {
    const rows = await pageRows(this.deps.db, id);
    if (!rows) return undefined;
    const { district } = rows;
    const page: KindergartenPage = kindergartenPageSchema.parse({
      kindergarten: toKindergarten(rows.kindergarten),
      district: {
        id: district.id,
        name: district.name,
        adminCode: district.admin_code,
        cityId: district.city_id,
      },
      buildings: rows.buildings,
    });
    return {
      scope: kindergartenScope(rows.kindergarten, rows.districtArchived),
      page: new PreparedJson(JSON.stringify(page)),
    };
  }
}

function newCity(d: TreeRows['districts'][number]): City {
  return {
    id: d.city_id,
    name: d.city_name,
    adminCode: d.city_admin_code,
    districtCount: 0,
    kindergartenCount: 0,
    districts: [],
  };
}

function treeKindergarten(k: TreeRows['kindergartens'][number]) {
  return {
    id: k.id,
    name: k.name,
    type: k.type,
    childrenCount: k.children_count,
    sizeGrade: sizeGrade(k.children_count),
    buildingCount: k.building_count,
    areaCount: k.area_count,
    keyAreaCount: k.key_area_count,
  };
}
