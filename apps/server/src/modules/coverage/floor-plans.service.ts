import type {
  Action,
  FloorPlanView,
  PlanArea,
  PlanCamera,
  floorPlanInput,
} from '@gardenwatch/contracts';
import { prepareFloor } from '@gardenwatch/geometry';
import type { z } from 'zod';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { PreparedBytes } from '../../platform/http/route.ts';
import { backgroundHeaders, checkBackground } from './background-image.ts';
import {
  kindergartenResource,
  type CoverageAccess,
  type CoverageContext,
} from './coverage-access.ts';
import type { CoverageRepository, FloorPlace, PlanRow } from './coverage.repository.ts';
import {
  levelTable,
  metresPerPixel,
  parseStoredPlan,
  rethrowGeometry,
  toFloorPlan,
  toPlanArea,
  toPlanCamera,
  type StoredPlan,
} from './plan-geometry.ts';
import { planFieldLabels } from './plan-labels.ts';

export type FloorPlanBody = z.output<typeof floorPlanInput>;

export interface FloorPlansDeps {
  repo: CoverageRepository;
  access: CoverageAccess;
}

/** A floor's plan with everything needed to compute its coverage. */
export interface LoadedPlan {
  place: FloorPlace;
  row: PlanRow | undefined;
  stored: StoredPlan | undefined;
  areas: PlanArea[];
  cameras: PlanCamera[];
}

/** Floor plans: outline, walls, obstacles, area polygons, scale and background image. */
export class FloorPlansService {
  constructor(private readonly deps: FloorPlansDeps) {}

  async get(ctx: CoverageContext, floorId: string): Promise<FloorPlanView> {
    await this.allowed(ctx, floorId, 'coverage.read');
    return this.view(await this.load(floorId));
  }

  async save(ctx: CoverageContext, floorId: string, body: FloorPlanBody): Promise<FloorPlanView> {
    const place = await this.editable(ctx, floorId);
    const loaded = await this.load(floorId);
    rejectForeignAreas(body, loaded.areas);

    const stored: StoredPlan = {
      outline: body.outline,
      walls: body.walls,
      obstacles: body.obstacles,
      area_polygons: body.areas,
      scale: body.scale,
    };
    const labels = planFieldLabels(floorId, body);
    rethrowGeometry(() => prepareFloor(toFloorPlan(floorId, stored, loaded.areas)), labels);

    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.savePlan(tx, {
        floor_id: floorId,
        outline: JSON.stringify(body.outline),
        walls: JSON.stringify(body.walls),
        obstacles: JSON.stringify(body.obstacles),
        area_polygons: JSON.stringify(body.areas),
        scale: body.scale ? JSON.stringify(body.scale) : null,
        min_dead_zone_m2: body.minDeadZoneM2,
        updated_at: new Date(),
      });
      await this.deps.access.changed(ctx, tx, {
        action: loaded.row ? 'coverage.plan.update' : 'coverage.plan.create',
        target: { type: 'floor', id: floorId },
        details: {
          kindergartenId: place.kindergartenId,
          walls: body.walls.length,
          obstacles: body.obstacles.length,
          areas: body.areas.length,
        },
      });
    });
    return this.view(await this.load(floorId));
  }

  async putBackground(
    ctx: CoverageContext,
    floorId: string,
    upload: { contentType: string; bytes: Buffer },
  ): Promise<FloorPlanView> {
    await this.editable(ctx, floorId);
    const type = checkBackground(upload.contentType, upload.bytes);
    const loaded = await this.load(floorId);
    if (!loaded.row) throw conflict('Save the floor plan before adding its background image');

    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.setBackground(tx, floorId, upload.bytes, type);
      await this.deps.access.changed(ctx, tx, {
        action: 'coverage.background.upload',
        target: { type: 'floor', id: floorId },
        details: { contentType: type, bytes: upload.bytes.length },
      });
    });
    return this.view(await this.load(floorId));
  }

  async background(ctx: CoverageContext, floorId: string): Promise<PreparedBytes> {
    await this.allowed(ctx, floorId, 'coverage.read');
    const found = await this.deps.repo.background(floorId);
    if (!found?.background || !found.background_type) throw notFound('background image');
    return new PreparedBytes(found.background, backgroundHeaders(found.background_type));
  }

  /** The floor's place after checking `action` on its kindergarten (404 when out of sight). */
  async allowed(ctx: CoverageContext, floorId: string, action: Action): Promise<FloorPlace> {
    const place = await this.deps.repo.floorPlace(floorId);
    if (!place) throw notFound('floor', floorId);
    const resource = kindergartenResource(place.districtId, place.kindergartenId);
    await this.deps.access.require(ctx, action, resource, { type: 'floor', id: floorId });
    return place;
  }

  async editable(ctx: CoverageContext, floorId: string): Promise<FloorPlace> {
    const place = await this.allowed(ctx, floorId, 'coverage.manage');
    if (place.archived) throw conflict('The floor is archived; restore it first');
    return place;
  }

  /** Plan, areas (with their required levels) and placed cameras of a floor; no access check. */
  async load(floorId: string): Promise<LoadedPlan> {
    const [loaded] = await this.loadMany([floorId]);
    if (!loaded) throw notFound('floor', floorId);
    return loaded;
  }

  async loadMany(floorIds: string[]): Promise<LoadedPlan[]> {
    const { repo } = this.deps;
    const [places, rows, areas, cameras, levels] = await Promise.all([
      Promise.all(floorIds.map((id) => repo.floorPlace(id))),
      repo.plans(floorIds),
      repo.areasOfFloors(floorIds),
      repo.cameras(floorIds),
      repo.requiredLevels(),
    ]);
    const table = levelTable(levels);
    return places.flatMap((place) => {
      if (!place) return [];
      const row = rows.find((r) => r.floor_id === place.floorId);
      return [
        {
          place,
          row,
          stored: row ? parseStoredPlan(row) : undefined,
          areas: areas.filter((a) => a.floorId === place.floorId).map((a) => toPlanArea(a, table)),
          cameras: cameras.filter((c) => c.floor_id === place.floorId).map(toPlanCamera),
        },
      ];
    });
  }

  private async view(loaded: LoadedPlan): Promise<FloorPlanView> {
    const { place, row, stored } = loaded;
    const sizes = await this.deps.repo.backgroundSizes([place.floorId]);
    const bytes = sizes.get(place.floorId);
    return {
      floorId: place.floorId,
      floorName: place.floorName,
      kindergartenId: place.kindergartenId,
      districtId: place.districtId,
      outline: stored?.outline ?? [],
      walls: stored?.walls ?? [],
      obstacles: stored?.obstacles ?? [],
      areaPolygons: stored?.area_polygons ?? [],
      scale: stored?.scale ?? null,
      metresPerPixel: metresPerPixel(stored?.scale ?? null),
      minDeadZoneM2: row?.min_dead_zone_m2 ?? 0.25,
      background:
        bytes !== undefined && row?.background_type
          ? { contentType: row.background_type, bytes }
          : null,
      areas: loaded.areas,
      cameras: loaded.cameras,
      version: row?.version ?? 0,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    };
  }
}

/** Every area polygon must belong to an active area of this floor, each drawn once. */
function rejectForeignAreas(body: FloorPlanBody, areas: PlanArea[]): void {
  const known = new Set(areas.map((a) => a.id));
  const seen = new Set<string>();
  const fields = body.areas.flatMap(({ areaId }, i) => {
    const field = `body.areas.${i}.areaId`;
    if (!known.has(areaId)) return [{ field, message: 'is not an active area of this floor' }];
    if (seen.has(areaId)) return [{ field, message: 'is drawn more than once' }];
    seen.add(areaId);
    return [];
  });
  if (fields.length === 0) return;
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Invalid plan: ${summary}`, { details: { fields } });
}
