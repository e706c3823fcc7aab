import type {
  ComplianceSummary,
  DistrictCompliance,
  FloorCoverageView,
  KindergartenCompliance,
} from '@gardenwatch/contracts';
import { GeometryError } from '@gardenwatch/geometry';
import { notFound } from '../../platform/errors.ts';
import {
  kindergartenResource,
  type CoverageAccess,
  type CoverageContext,
} from './coverage-access.ts';
import { analyseFloorCached } from './coverage-analysis.ts';
import type { CoverageRepository } from './coverage.repository.ts';
import type { FloorPlansService, LoadedPlan } from './floor-plans.service.ts';

export interface ComplianceDeps {
  repo: CoverageRepository;
  access: CoverageAccess;
  plans: FloorPlansService;
  now: () => Date;
}

type Kg = { id: string; name: string; districtId: string; districtName: string };
type Totals = Omit<ComplianceSummary, 'kindergartenId' | 'name' | 'plannedFloors' | 'floors'>;

/** Share of required area covered at the required level, key areas apart, per kindergarten. */
export class ComplianceService {
  constructor(private readonly deps: ComplianceDeps) {}

  async kindergarten(ctx: CoverageContext, id: string): Promise<KindergartenCompliance> {
    const kg = await this.deps.repo.kindergarten(id);
    if (!kg) throw notFound('kindergarten', id);
    const resource = kindergartenResource(kg.districtId, kg.id);
    await this.deps.access.require(ctx, 'report.read', resource, { type: 'kindergarten', id });
    return this.of(kg);
  }

  async district(ctx: CoverageContext, id: string): Promise<DistrictCompliance> {
    const district = await this.deps.repo.district(id);
    if (!district) throw notFound('district', id);
    const resource = { kind: 'district' as const, districtId: id };
    await this.deps.access.require(ctx, 'report.read_district', resource, {
      type: 'district',
      id,
    });

    const kindergartens: ComplianceSummary[] = [];
    for (const kg of await this.deps.repo.kindergartens(id)) {
      kindergartens.push(summaryOf(await this.of(kg)));
    }
    return {
      districtId: id,
      name: district.name,
      ...addUp(kindergartens),
      kindergartens,
      computedAt: this.deps.now().toISOString(),
    };
  }

  /** Compliance of one kindergarten, without an access check (the programme uses it too). */
  async of(kg: Kg): Promise<KindergartenCompliance> {
    const floors = await this.deps.repo.floorsOfKindergarten(kg.id);
    const loaded = await this.deps.plans.loadMany(floors.map((f) => f.floorId));
    const analysed = loaded.map(analyse);
    const done = analysed.flatMap(({ loaded: l, result }) => (result ? [{ l, result }] : []));
    const areaName = (l: LoadedPlan, areaId: string) =>
      l.areas.find((a) => a.id === areaId)?.name ?? '';

    return {
      kindergartenId: kg.id,
      name: kg.name,
      districtId: kg.districtId,
      districtName: kg.districtName,
      ...addUp(done.map(({ result }) => floorTotals(result))),
      floors: analysed.map(({ loaded: l, result, error }) => ({
        floorId: l.place.floorId,
        name: l.place.floorName,
        planned: result !== null,
        error,
      })),
      areas: done.flatMap(({ l, result }) =>
        result.areas.map((a) => ({ floorId: l.place.floorId, ...areaRow(a) })),
      ),
      deadZones: done.flatMap(({ l, result }) =>
        result.deadZones.map((z) => ({
          floorId: l.place.floorId,
          areaId: z.areaId,
          areaName: areaName(l, z.areaId),
          areaM2: z.areaM2,
        })),
      ),
      violations: done.flatMap(({ l, result }) =>
        result.violations.map((v) => ({
          floorId: l.place.floorId,
          cameraId: v.cameraId,
          cameraName: l.cameras.find((c) => c.id === v.cameraId)?.name ?? '',
          areaId: v.areaId,
          areaName: areaName(l, v.areaId),
          overlapM2: v.overlapM2,
        })),
      ),
      computedAt: this.deps.now().toISOString(),
    };
  }
}

function analyse(loaded: LoadedPlan) {
  try {
    return { loaded, result: analyseFloorCached(loaded), error: null };
  } catch (error) {
    if (!(error instanceof GeometryError)) throw error;
    return { loaded, result: null, error: error.message };
  }
}

function areaRow(a: FloorCoverageView['areas'][number]) {
  return {
    areaId: a.areaId,
    name: a.name,
    kind: a.kind,
    isKey: a.isKey,
    requiredLevel: a.requiredLevel,
    reachedLevel: a.reachedLevel,
    areaM2: a.areaM2,
    coveredShare: a.coveredShare,
  };
}

function floorTotals(f: FloorCoverageView): Totals {
  return {
    requiredM2: f.requiredM2,
    coveredM2: f.coveredM2,
    share: null,
    keyRequiredM2: f.keyRequiredM2,
    keyCoveredM2: f.keyCoveredM2,
    keyShare: null,
    deadZoneM2: f.deadZoneM2,
    violationCount: f.violations.length,
  };
}

function summaryOf(k: KindergartenCompliance): ComplianceSummary {
  return {
    kindergartenId: k.kindergartenId,
    name: k.name,
    plannedFloors: k.floors.filter((f) => f.planned).length,
    floors: k.floors.length,
    requiredM2: k.requiredM2,
    coveredM2: k.coveredM2,
    share: k.share,
    keyRequiredM2: k.keyRequiredM2,
    keyCoveredM2: k.keyCoveredM2,
    keyShare: k.keyShare,
    deadZoneM2: k.deadZoneM2,
    violationCount: k.violationCount,
  };
}

function addUp(parts: Totals[]): Totals {
  const total = (pick: (t: Totals) => number) => parts.reduce((s, t) => s + pick(t), 0);
  const requiredM2 = total((t) => t.requiredM2);
  const coveredM2 = total((t) => t.coveredM2);
  const keyRequiredM2 = total((t) => t.keyRequiredM2);
  const keyCoveredM2 = total((t) => t.keyCoveredM2);
  return {
    requiredM2,
    coveredM2,
    share: requiredM2 > 0 ? coveredM2 / requiredM2 : null,
    keyRequiredM2,
    keyCoveredM2,
    keyShare: keyRequiredM2 > 0 ? keyCoveredM2 / keyRequiredM2 : null,
    deadZoneM2: total((t) => t.deadZoneM2),
    violationCount: total((t) => t.violationCount),
  };
}
