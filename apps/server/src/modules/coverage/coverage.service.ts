import {
  areaKinds,
  defaultRequiredLevels,
  type Actor,
  type Resource,
  type FloorCoverageView,
  type PlacementAdviceView,
  type requiredLevelsSchema,
  type requiredLevelsUpdate,
} from '@gardenwatch/contracts';
import type { z } from 'zod';
import { conflict } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { CoverageAccess, CoverageContext } from './coverage-access.ts';
import { adviseFloor, analyseFloorCached, type AdviceQuery } from './coverage-analysis.ts';
import type { CoverageRepository } from './coverage.repository.ts';
import type { FloorPlansService } from './floor-plans.service.ts';
import { rethrowGeometry } from './plan-geometry.ts';

type RequiredLevels = z.infer<typeof requiredLevelsSchema>;
type RequiredLevelsUpdate = z.output<typeof requiredLevelsUpdate>;

export interface CoverageServiceDeps {
  repo: CoverageRepository;
  access: CoverageAccess;
  plans: FloorPlansService;
  logger: Logger;
}

/** What the cameras of a floor see, and where another camera would help most. */
export class CoverageService {
  constructor(private readonly deps: CoverageServiceDeps) {}

  async floor(ctx: CoverageContext, floorId: string): Promise<FloorCoverageView> {
    await this.deps.plans.allowed(ctx, floorId, 'coverage.read');
    const loaded = await this.deps.plans.load(floorId);

    const started = performance.now();
    const result = rethrowGeometry(() => analyseFloorCached(loaded));
    if (!result) throw conflict('The floor has no plan yet');
    const ms = Math.round(performance.now() - started);
    this.deps.logger.debug({ floorId, ms, areas: result.areas.length }, 'coverage.floor.computed');
    return result;
  }

  async advice(
    ctx: CoverageContext,
    floorId: string,
    query: AdviceQuery,
  ): Promise<PlacementAdviceView> {
    await this.deps.plans.allowed(ctx, floorId, 'coverage.read');
    const loaded = await this.deps.plans.load(floorId);
    const advice = rethrowGeometry(() => adviseFloor(loaded, query));
    if (!advice) throw conflict('The floor has no plan yet');
    return advice;
  }

  /** Readable by whoever may read coverage somewhere in their own scope. */
  async readLevels(ctx: CoverageContext): Promise<RequiredLevels> {
    await this.deps.access.require(ctx, 'coverage.read', ownScope(ctx.actor), {
      type: 'coverage_levels',
      id: null,
    });
    return this.requiredLevels();
  }

  async requiredLevels(): Promise<RequiredLevels> {
    const overrides = await this.deps.repo.requiredLevels();
    return {
      levels: areaKinds.map((kind) => {
        const level = overrides.get(kind);
        return level
          ? { kind, level: level as RequiredLevels['levels'][number]['level'], isDefault: false }
          : { kind, level: defaultRequiredLevels[kind], isDefault: true };
      }),
    };
  }

  async setRequiredLevels(
    ctx: CoverageContext,
    body: RequiredLevelsUpdate,
  ): Promise<RequiredLevels> {
    await this.deps.access.require(
      ctx,
      'coverage.configure',
      { kind: 'city' },
      {
        type: 'coverage_levels',
        id: null,
      },
    );
    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.setRequiredLevels(tx, body.levels);
      await this.deps.access.changed(ctx, tx, {
        action: 'coverage.required_levels.update',
        target: { type: 'coverage_levels', id: null },
        details: { levels: body.levels },
      });
    });
    return this.requiredLevels();
  }
}

/** The place an actor works: the city, a district, or a kindergarten (a maintainer's first). */
function ownScope(actor: Actor): Resource {
  const kindergartenId = actor.kindergartenId ?? actor.maintainedKindergartenIds[0] ?? null;
  if (actor.districtId && kindergartenId) {
    return { kind: 'kindergarten', districtId: actor.districtId, kindergartenId };
  }
  if (actor.districtId) return { kind: 'district', districtId: actor.districtId };
  return { kind: 'city' };
}
