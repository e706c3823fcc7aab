import { keyAreaKindsByDefault } from '@gardenwatch/contracts';
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import {
  demoCity,
  demoDistricts,
  demoKindergartens,
  type DemoBuilding,
  type DemoFloor,
} from './demo.data.ts';

type Tx = Transaction<Database>;

export interface SeededOrg {
  districtIds: string[];
  kindergartenIds: string[];
  /** Rows written by this run; zero when the demo city was already there. */
  inserted: number;
}

/**
 * Writes the demo city by natural keys (administrative codes, names under their parent):
 * a row that exists is left as it is, so a second run changes nothing.
 */
export async function seedDemoOrg(tx: Tx): Promise<SeededOrg> {
  const counter = { inserted: 0 };
  const found = <T>(row: T | undefined): T | undefined => {
    if (row) counter.inserted += 1;
    return row;
  };

  await tx
    .insertInto('cities')
    .values({ name: demoCity.name, admin_code: demoCity.adminCode })
    .onConflict((oc) => oc.column('admin_code').doNothing())
    .returning('id')
    .executeTakeFirst()
    .then(found);
  const city = await tx
    .selectFrom('cities')
    .select('id')
    .where('admin_code', '=', demoCity.adminCode)
    .executeTakeFirstOrThrow();

  const districtIds = new Map<string, string>();
  for (const d of demoDistricts) {
    await tx
      .insertInto('districts')
      .values({ city_id: city.id, name: d.name, admin_code: d.adminCode })
      .onConflict((oc) => oc.columns(['city_id', 'admin_code']).doNothing())
      .returning('id')
      .executeTakeFirst()
      .then(found);
    const row = await tx
      .selectFrom('districts')
      .select('id')
      .where('city_id', '=', city.id)
      .where('admin_code', '=', d.adminCode)
      .executeTakeFirstOrThrow();
    districtIds.set(d.adminCode, row.id);
  }

  const kindergartenIds: string[] = [];
  for (const k of demoKindergartens) {
    const districtId = districtIds.get(k.districtCode);
    if (!districtId) throw new Error(`demo data names an unknown district ${k.districtCode}`);
    const kgId = await upsertKindergarten(tx, districtId, k, found);
    kindergartenIds.push(kgId);
    for (const building of k.buildings) await seedBuilding(tx, kgId, building, found);
  }
  return { districtIds: [...districtIds.values()], kindergartenIds, inserted: counter.inserted };
}

type Found = <T>(row: T | undefined) => T | undefined;

async function upsertKindergarten(
  tx: Tx,
  districtId: string,
  k: (typeof demoKindergartens)[number],
  found: Found,
): Promise<string> {
  await tx
    .insertInto('kindergartens')
    .values({
      district_id: districtId,
      name: k.name,
      address: k.address,
      type: k.type,
      children_count: k.childrenCount,
    })
    .onConflict((oc) => oc.columns(['district_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst()
    .then(found);
  const row = await tx
    .selectFrom('kindergartens')
    .select('id')
    .where('district_id', '=', districtId)
    .where('name', '=', k.name)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function seedBuilding(tx: Tx, kgId: string, b: DemoBuilding, found: Found) {
  await tx
    .insertInto('buildings')
    .values({ kindergarten_id: kgId, name: b.name })
    .onConflict((oc) => oc.columns(['kindergarten_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst()
    .then(found);
  const building = await tx
    .selectFrom('buildings')
    .select('id')
    .where('kindergarten_id', '=', kgId)
    .where('name', '=', b.name)
    .executeTakeFirstOrThrow();
  for (const floor of b.floors) await seedFloor(tx, building.id, floor, found);
}

async function seedFloor(tx: Tx, buildingId: string, f: DemoFloor, found: Found) {
  await tx
    .insertInto('floors')
    .values({ building_id: buildingId, name: f.name, level: f.level })
    .onConflict((oc) => oc.columns(['building_id', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst()
    .then(found);
  const floor = await tx
    .selectFrom('floors')
    .select('id')
    .where('building_id', '=', buildingId)
    .where('name', '=', f.name)
    .executeTakeFirstOrThrow();

  const rows = f.areas.map((a) => ({
    floor_id: floor.id,
    name: a.name,
    kind: a.kind,
    is_key: keyAreaKindsByDefault.has(a.kind),
  }));
  const inserted = await tx
    .insertInto('areas')
    .values(rows)
    .onConflict((oc) => oc.columns(['floor_id', 'name']).doNothing())
    .returning('id')
    .execute();
  for (const row of inserted) found(row);
}
