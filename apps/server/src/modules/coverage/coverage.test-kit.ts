import type { FloorPlanInput } from '@gardenwatch/contracts';
import type { Platform } from '../../platform/context.ts';
import {
  createUser,
  seedTestOrg,
  signIn,
  type SignedIn,
  type TestOrg,
} from '../../../test/sign-in.ts';
import type { TestApp } from '../../../test/test-platform.ts';

export interface CoverageKit {
  org: TestOrg;
  floorId: string;
  classroomId: string;
  toiletId: string;
  corridorId: string;
  principal: SignedIn;
  otherPrincipal: SignedIn;
  reviewer: SignedIn;
  maintainer: SignedIn;
  admin: SignedIn;
  call: (
    user: SignedIn,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
}

async function insertFloor(platform: Platform, kindergartenId: string) {
  const db = platform.db;
  const building = await db
    .insertInto('buildings')
    .values({ kindergarten_id: kindergartenId, name: 'Main' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const floor = await db
    .insertInto('floors')
    .values({ building_id: building.id, name: 'Ground', level: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const area = async (name: string, kind: string, isKey: boolean) =>
    (
      await db
        .insertInto('areas')
        .values({ floor_id: floor.id, name, kind, is_key: isKey })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return {
    floorId: floor.id,
    classroomId: await area('Class 1', 'classroom', false),
    toiletId: await area('Toilet', 'toilet', false),
    corridorId: await area('Corridor', 'corridor', true),
  };
}

/**
 * A 12 m × 8 m floor: a classroom (0–8, 0–6) with a toilet (8–12, 0–6) behind a wall with a
 * door, and a corridor (0–12, 6–8) below a wall with a door into the classroom.
 */
export function samplePlan(kit: Pick<CoverageKit, 'classroomId' | 'toiletId' | 'corridorId'>) {
  const rect = (x0: number, y0: number, x1: number, y1: number) => [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
  return {
    outline: rect(0, 0, 12, 8),
    walls: [
      {
        id: 'w-toilet',
        a: { x: 8, y: 0 },
        b: { x: 8, y: 6 },
        thickness: 0.2,
        openings: [{ id: 'd-toilet', kind: 'door' as const, offset: 4.5, width: 1 }],
      },
      {
        id: 'w-corridor',
        a: { x: 0, y: 6 },
        b: { x: 12, y: 6 },
        thickness: 0.2,
        openings: [{ id: 'd-class', kind: 'door' as const, offset: 1, width: 1.2 }],
      },
    ],
    obstacles: [],
    areas: [
      { areaId: kit.classroomId, polygon: rect(0, 0, 8, 6) },
      { areaId: kit.toiletId, polygon: rect(8, 0, 12, 6) },
      { areaId: kit.corridorId, polygon: rect(0, 6, 12, 8) },
    ],
    scale: null,
  } satisfies FloorPlanInput;
}

export async function coverageKit(t: TestApp): Promise<CoverageKit> {
  const org = await seedTestOrg(t.platform);
  const floor = await insertFloor(t.platform, org.kindergartenId);
  const kg = { kindergartenId: org.kindergartenId };
  await createUser(t.platform, { role: 'principal', username: 'head', ...kg });
  await createUser(t.platform, {
    role: 'principal',
    username: 'other-head',
    kindergartenId: org.otherKindergartenId,
  });
  await createUser(t.platform, {
    role: 'district_reviewer',
    username: 'reviewer',
    districtId: org.districtId,
  });
  await createUser(t.platform, {
    role: 'maintainer',
    username: 'fixer',
    districtId: org.districtId,
    maintainedKindergartenIds: [org.kindergartenId],
  });
  await createUser(t.platform, { role: 'city_admin', username: 'admin' });

  const call: CoverageKit['call'] = async (user, method, url, payload) => {
    const response = await t.app.inject({
      method,
      url,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json() };
  };
  return {
    org,
    ...floor,
    principal: await signIn(t.app, 'head'),
    otherPrincipal: await signIn(t.app, 'other-head'),
    reviewer: await signIn(t.app, 'reviewer'),
    maintainer: await signIn(t.app, 'fixer'),
    admin: await signIn(t.app, 'admin'),
    call,
  };
}
