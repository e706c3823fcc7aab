import type { ProgrammeStage } from '@gardenwatch/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { CoverageTables } from '../coverage/coverage.repository.ts';
import type { ProgrammeTables } from '../programme/programme.repository.ts';
import { groundsPlan, indoorPlan, type DemoFlaws, type DemoPlan } from './demo-plans.data.ts';
import { demoKindergartens, type DemoFloor } from './demo.data.ts';

type Tx = Transaction<Database>;
type PlanDb = Kysely<Database & CoverageTables & ProgrammeTables>;

const hongli = '深圳市福田区红荔幼儿园';
const xiangmihu = '深圳市福田区香蜜湖普惠幼儿园';

/**
 * Deliberate gaps in the principal's kindergarten: the east half of the 2nd floor corridor has
 * no camera yet, and a pillar in 小二班活动室 hides a strip from the room's only camera.
 */
const flaws: Record<string, Record<string, DemoFlaws>> = {
  [hongli]: {
    '教学楼/2层': { corridorCamerasUpTo: 40 },
    '教学楼/1层': { pillarIn: '小二班活动室' },
  },
};

/** Three stages of the construction programme; the accepted one signed by the district. */
const stages: Record<string, ProgrammeStage> = {
  [hongli]: 'installing',
  [xiangmihu]: 'accepted',
  深圳市南山区蓓蕾双语幼儿园: 'designed',
};

export interface SeededPlans {
  plans: number;
  cameras: number;
  stages: number;
}

/** Floor plans, placed cameras and programme stages, each written only where none exists. */
export async function seedDemoPlans(tx: Tx): Promise<SeededPlans> {
  const db: PlanDb = tx.withTables<CoverageTables & ProgrammeTables>();
  const result: SeededPlans = { plans: 0, cameras: 0, stages: 0 };
  for (const kg of demoKindergartens) {
    for (const building of kg.buildings) {
      for (const floor of building.floors) {
        const key = `${building.name}/${floor.name}`;
        const plan = planOf(floor, flaws[kg.name]?.[key]);
        const cameras = await seedFloor(db, {
          kindergarten: kg.name,
          building: building.name,
          floor,
          plan,
        });
        if (cameras !== null) {
          result.plans += 1;
          result.cameras += cameras;
        }
      }
    }
    result.stages += await seedStage(db, kg.name);
  }
  return result;
}

function planOf(floor: DemoFloor, flaw: DemoFlaws | undefined): DemoPlan {
  const outdoor = floor.areas.some((a) => a.kind === 'gate');
  return outdoor ? groundsPlan(floor.areas) : indoorPlan(floor.areas, flaw);
}

interface FloorSeed {
  kindergarten: string;
  building: string;
  floor: DemoFloor;
  plan: DemoPlan;
}

/** Writes the plan and its cameras; null when the floor already has a plan. */
async function seedFloor(db: PlanDb, seed: FloorSeed): Promise<number | null> {
  const floor = await db
    .selectFrom('floors as f')
    .innerJoin('buildings as b', 'b.id', 'f.building_id')
    .innerJoin('kindergartens as k', 'k.id', 'b.kindergarten_id')
    .select('f.id')
    .where('k.name', '=', seed.kindergarten)
    .where('b.name', '=', seed.building)
    .where('f.name', '=', seed.floor.name)
    .executeTakeFirstOrThrow();
  const exists = await db
    .selectFrom('floor_plans')
    .select('floor_id')
    .where('floor_id', '=', floor.id)
    .executeTakeFirst();
  if (exists) return null;

  const areas = await db
    .selectFrom('areas')
    .select(['id', 'name'])
    .where('floor_id', '=', floor.id)
    .execute();
  const areaId = (name: string) => {
    const id = areas.find((a) => a.name === name)?.id;
    if (!id) throw new Error(`demo area missing: ${seed.kindergarten} ${name}`);
    return id;
  };
  const { plan } = seed;
  await db
    .insertInto('floor_plans')
    .values({
      floor_id: floor.id,
      outline: JSON.stringify(plan.outline),
      walls: JSON.stringify(plan.walls),
      obstacles: JSON.stringify(plan.obstacles),
      area_polygons: JSON.stringify(
        plan.areas.map((a) => ({ areaId: areaId(a.name), polygon: a.polygon })),
      ),
      scale: null,
      min_dead_zone_m2: 0.25,
    })
    .execute();
  // The first plan camera of an area stands for the area's registry camera, where it has one.
  const registry = await registryCameras(
    db,
    areas.map((a) => a.id),
  );
  const linked = new Set<string>();
  const rows = plan.cameras.map((camera) => {
    const area = areaId(camera.area);
    const cameraId = linked.has(area) ? null : (registry.get(area) ?? null);
    linked.add(area);
    return {
      floor_id: floor.id,
      camera_id: cameraId,
      name: camera.name,
      type: camera.type,
      x: camera.x,
      y: camera.y,
      mount_height: camera.mountHeight,
      direction: camera.direction,
      fov: camera.fov ?? 360,
      focal_length_mm: null,
      sensor_width_mm: null,
      range_m: camera.range,
      resolution_x: camera.resolutionX,
    };
  });
  if (rows.length > 0) await db.insertInto('plan_cameras').values(rows).execute();
  return plan.cameras.length;
}

/** The first registry camera (by name) of each area that has one. */
async function registryCameras(db: PlanDb, areaIds: string[]): Promise<Map<string, string>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('cameras')
    .select(['id', 'area_id'])
    .where('area_id', 'in', areaIds)
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
  const first = new Map<string, string>();
  for (const row of rows) if (!first.has(row.area_id)) first.set(row.area_id, row.id);
  return first;
}

async function seedStage(db: PlanDb, kindergarten: string): Promise<number> {
  const stage = stages[kindergarten];
  if (!stage) return 0;
  const kg = await db
    .selectFrom('kindergartens')
    .select('id')
    .where('name', '=', kindergarten)
    .executeTakeFirstOrThrow();
  const inspector =
    stage === 'accepted'
      ? await db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'district-reviewer')
          .executeTakeFirst()
      : undefined;
  const inserted = await db
    .insertInto('programme_status')
    .values({
      kindergarten_id: kg.id,
      stage,
      signed_off_by: inspector?.id ?? null,
      signed_off_at: inspector ? new Date('2026-11-20T06:00:00Z') : null,
      sign_off_note: inspector ? '现场核验：摄像机安装与覆盖符合设计，录像与联网正常。' : null,
    })
    .onConflict((oc) => oc.column('kindergarten_id').doNothing())
    .returning('kindergarten_id')
    .executeTakeFirst();
  return inserted ? 1 : 0;
}
