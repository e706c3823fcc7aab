import type { Db } from '../../platform/db/database.ts';

/** Shared by the footage request tests; not part of the server. */

/** An area of the seeded kindergarten's floor (as `seedArea` leaves it). */
export async function addArea(
  db: Db,
  nextTo: string,
  area: { name: string; kind: string; isKey?: boolean },
): Promise<string> {
  const { floor_id } = await db
    .selectFrom('areas')
    .select('floor_id')
    .where('id', '=', nextTo)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('areas')
    .values({ floor_id, name: area.name, kind: area.kind, is_key: area.isKey ?? false })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A class using the rooms given, with the parents linked to it. */
export async function seedClass(
  db: Db,
  input: { kindergartenId: string; name: string; areaIds: string[]; parentIds: string[] },
): Promise<string> {
  const row = await db
    .insertInto('classes')
    .values({ kindergarten_id: input.kindergartenId, name: input.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const area_id of input.areaIds) {
    await db.insertInto('class_areas').values({ class_id: row.id, area_id }).execute();
  }
  for (const user_id of input.parentIds) {
    await db.insertInto('parent_classes').values({ class_id: row.id, user_id }).execute();
  }
  return row.id;
}
