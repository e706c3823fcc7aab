import type { Db } from '../../platform/db/database.ts';

const DEMO_CLASS = { name: '小一班', rooms: ['小一班活动室', '小一班午睡室'] };

/**
 * Links the demo parent to their child's class (小一班) and the class to its activity and nap
 * rooms, so that the parent's footage request form offers those rooms. Idempotent.
 */
export async function seedDemoClasses(db: Db): Promise<void> {
  const parent = await db
    .selectFrom('users')
    .select(['id', 'kindergarten_id'])
    .where('username', '=', 'parent')
    .executeTakeFirst();
  if (!parent?.kindergarten_id) return;
  const kindergartenId = parent.kindergarten_id;
  await db
    .insertInto('classes')
    .values({ kindergarten_id: kindergartenId, name: DEMO_CLASS.name })
    .onConflict((oc) => oc.columns(['kindergarten_id', 'name']).doNothing())
    .execute();
  const cls = await db
    .selectFrom('classes')
    .select('id')
    .where('kindergarten_id', '=', kindergartenId)
    .where('name', '=', DEMO_CLASS.name)
    .executeTakeFirstOrThrow();
  const rooms = await db
    .selectFrom('areas as a')
    .innerJoin('floors as f', 'f.id', 'a.floor_id')
    .innerJoin('buildings as b', 'b.id', 'f.building_id')
    .select('a.id')
    .where('b.kindergarten_id', '=', kindergartenId)
    .where('a.name', 'in', DEMO_CLASS.rooms)
    .execute();
  for (const room of rooms) {
    await db
      .insertInto('class_areas')
      .values({ class_id: cls.id, area_id: room.id })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await db
    .insertInto('parent_classes')
    .values({ class_id: cls.id, user_id: parent.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
