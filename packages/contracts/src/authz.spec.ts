import { describe, expect, it } from 'vitest';
import { actions, can, type Action, type Resource } from './authz.ts';
import type { Actor, Role } from './roles.ts';

const D1 = '10000000-0000-4000-8000-000000000001';
const D2 = '10000000-0000-4000-8000-000000000002';
const K1 = '20000000-0000-4000-8000-000000000001';
const K3 = '20000000-0000-4000-8000-000000000003';

const actor = (role: Role, scope: Partial<Actor> = {}): Actor => ({
  id: '30000000-0000-4000-8000-000000000001',
  username: role,
  displayName: role,
  role,
  districtId: null,
  kindergartenId: null,
  maintainedKindergartenIds: [],
  ...scope,
});

/** One actor per role with a scope in district D1 / kindergarten K1, and city-wide police. */
const actors = {
  admin: actor('city_admin'),
  reviewer: actor('district_reviewer', { districtId: D1 }),
  principal: actor('principal', { districtId: D1, kindergartenId: K1 }),
  security: actor('security_officer', { districtId: D1, kindergartenId: K1 }),
  police: actor('police', { districtId: D1 }),
  cityPolice: actor('police'),
  parent: actor('parent', { districtId: D1, kindergartenId: K1 }),
  maintainer: actor('maintainer', { districtId: D1, maintainedKindergartenIds: [K1] }),
} satisfies Record<string, Actor>;
type Who = keyof typeof actors;

const camera = (
  kindergartenId: string,
  districtId: string,
  areaKind: 'corridor' | 'classroom' | 'toilet',
  extra = {},
) =>
  ({
    kind: 'camera',
    districtId,
    kindergartenId,
    areaKind,
    isKey: areaKind === 'corridor',
    ...extra,
  }) as const;

/** Resources named in the table: organisation levels, and cameras in and out of scope. */
const resources = {
  city: { kind: 'city' },
  D1: { kind: 'district', districtId: D1 },
  D2: { kind: 'district', districtId: D2 },
  K1: { kind: 'kindergarten', districtId: D1, kindergartenId: K1 },
  K3: { kind: 'kindergarten', districtId: D2, kindergartenId: K3 },
  camKey: camera(K1, D1, 'corridor'),
  camClass: camera(K1, D1, 'classroom'),
  camClassCase: camera(K1, D1, 'classroom', { approvedForPoliceCase: true }),
  camClassWork: camera(K1, D1, 'classroom', { openWorkOrder: true }),
  camToilet: camera(K1, D1, 'toilet', { openWorkOrder: true, approvedForPoliceCase: true }),
  camOther: camera(K3, D2, 'corridor', { openWorkOrder: true }),
  officerK1: { kind: 'user', role: 'security_officer', districtId: D1, kindergartenId: K1 },
  principalK1: { kind: 'user', role: 'principal', districtId: D1, kindergartenId: K1 },
  parentK3: { kind: 'user', role: 'parent', districtId: D2, kindergartenId: K3 },
} satisfies Record<string, Resource>;
type Res = keyof typeof resources;

const org: Res[] = ['city', 'D1', 'D2', 'K1', 'K3'];
const cams: Res[] = ['camKey', 'camClass', 'camClassCase', 'camClassWork', 'camToilet', 'camOther'];
const users: Res[] = ['officerK1', 'principalK1', 'parentK3'];
const allInK1: Res[] = ['D1', 'K1'];
const allCams: Res[] = cams;
const k1Video: Res[] = ['camKey', 'camClass', 'camClassCase', 'camClassWork'];

/**
 * For each action: the resources it is tried on, and for each actor the ones allowed.
 * An actor not listed is allowed none of them. Every role × action × scope is asserted.
 */
const table: Record<Action, { on: Res[]; allow: Partial<Record<Who, Res[]>> }> = {
  'org.read': {
    on: org,
    allow: {
      admin: org,
      reviewer: ['D1', 'K1'],
      principal: allInK1,
      security: allInK1,
      police: ['D1', 'K1'],
      cityPolice: org,
      parent: allInK1,
      maintainer: allInK1,
    },
  },
  'org.manage_districts': { on: org, allow: { admin: org } },
  'org.manage_kindergartens': { on: org, allow: { admin: org } },
  'org.manage_layout': { on: org, allow: { admin: org, principal: allInK1 } },
  'user.read': { on: users, allow: { admin: users, principal: ['officerK1', 'principalK1'] } },
  'user.manage': { on: users, allow: { admin: users, principal: ['officerK1'] } },
  'audit.read': { on: org, allow: { admin: org } },
  'camera.read': {
    on: allCams,
    allow: {
      admin: allCams,
      reviewer: [...k1Video, 'camToilet'],
      principal: [...k1Video, 'camToilet'],
      security: [...k1Video, 'camToilet'],
      police: ['camKey', 'camClassCase', 'camToilet'],
      cityPolice: ['camKey', 'camClassCase', 'camToilet', 'camOther'],
      maintainer: [...k1Video, 'camToilet'],
    },
  },
  'camera.manage': { on: allCams, allow: { admin: allCams, principal: [...k1Video, 'camToilet'] } },
  'camera.setup_view': { on: allCams, allow: { maintainer: ['camClassWork'] } },
  'video.live': {
    on: allCams,
    allow: {
      principal: k1Video,
      security: k1Video,
      police: ['camKey', 'camClassCase'],
      cityPolice: ['camKey', 'camClassCase', 'camOther'],
    },
  },
  'video.playback': {
    on: allCams,
    allow: {
      reviewer: k1Video,
      principal: k1Video,
      security: k1Video,
      police: ['camKey', 'camClassCase'],
      cityPolice: ['camKey', 'camClassCase', 'camOther'],
    },
  },
  'video.export': {
    on: allCams,
    allow: {
      reviewer: k1Video,
      principal: k1Video,
      security: k1Video,
      police: ['camKey', 'camClassCase'],
      cityPolice: ['camKey', 'camClassCase', 'camOther'],
    },
  },
  'health.read': {
    on: ['K1', 'K3'],
    allow: {
      admin: ['K1', 'K3'],
      reviewer: ['K1'],
      principal: ['K1'],
      security: ['K1'],
      maintainer: ['K1'],
    },
  },
  'workorder.manage': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], principal: ['K1'], maintainer: ['K1'] },
  },
  'alert.read': {
    on: ['K1', 'K3'],
    allow: {
      admin: ['K1', 'K3'],
      reviewer: ['K1'],
      principal: ['K1'],
      security: ['K1'],
      police: ['K1'],
      cityPolice: ['K1', 'K3'],
    },
  },
  'alert.acknowledge': {
    on: ['K1', 'K3'],
    allow: {
      reviewer: ['K1'],
      principal: ['K1'],
      security: ['K1'],
      police: ['K1'],
      cityPolice: ['K1', 'K3'],
    },
  },
  'footage_request.create': {
    on: ['K1', 'K3'],
    allow: { principal: ['K1'], parent: ['K1'], police: ['K1'], cityPolice: ['K1', 'K3'] },
  },
  'footage_request.review': {
    on: ['K1', 'K3'],
    allow: { reviewer: ['K1'], police: ['K1'], cityPolice: ['K1', 'K3'] },
  },
  'staff.read': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], reviewer: ['K1'], principal: ['K1'] },
  },
  'staff.manage': { on: ['K1', 'K3'], allow: { principal: ['K1'] } },
  'hiring.check': { on: ['K1', 'K3'], allow: { principal: ['K1'] } },
  'blacklist.manage': { on: org, allow: { admin: org } },
  'notice.hiring_hit': { on: ['K1', 'K3'], allow: { admin: ['K1', 'K3'], reviewer: ['K1'] } },
  'notice.screening_hit': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], reviewer: ['K1'], principal: ['K1'] },
  },
  'coverage.read': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], reviewer: ['K1'], principal: ['K1'], maintainer: ['K1'] },
  },
  'coverage.manage': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], principal: ['K1'] },
  },
  'coverage.configure': { on: org, allow: { admin: org } },
  'report.read': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], reviewer: ['K1'], principal: ['K1'] },
  },
  'report.read_district': {
    on: ['city', 'D1', 'D2'],
    allow: { admin: ['city', 'D1', 'D2'], reviewer: ['D1'] },
  },
  'programme.manage': {
    on: ['D1', 'K1', 'K3'],
    allow: { admin: ['D1', 'K1', 'K3'], reviewer: ['D1', 'K1'] },
  },
  'programme.sign_off': { on: ['K1', 'K3'], allow: { reviewer: ['K1'] } },
  'gateway.manage': { on: org, allow: { admin: org } },
  'footage_request.notice': {
    on: ['K1', 'K3'],
    allow: { admin: ['K1', 'K3'], reviewer: ['K1'], principal: ['K1'] },
  },
  'police_case.register': {
    on: ['K1', 'K3'],
    allow: { police: ['K1'], cityPolice: ['K1', 'K3'] },
  },
  'police_case.approve': { on: ['K1', 'K3'], allow: { reviewer: ['K1'] } },
};

const cases = actions.flatMap((action) =>
  (Object.keys(actors) as Who[]).flatMap((who) =>
    table[action].on.map((res) => ({
      action,
      who,
      res,
      expected: table[action].allow[who]?.includes(res) ?? false,
    })),
  ),
);

describe('can(actor, action, resource)', () => {
  it('has a row in the table for every action', () => {
    expect(Object.keys(table).sort()).toEqual([...actions].sort());
  });

  it.each(cases)('$who $action $res → $expected', ({ action, who, res, expected }) => {
    expect(can(actors[who], action, resources[res])).toBe(expected);
  });

  it('never lets a parent open live video, whatever the camera', () => {
    for (const res of cams) expect(can(actors.parent, 'video.live', resources[res])).toBe(false);
  });

  it('never shows video of a toilet or changing room to anyone', () => {
    for (const who of Object.keys(actors) as Who[]) {
      for (const action of [
        'video.live',
        'video.playback',
        'video.export',
        'camera.setup_view',
      ] as const) {
        expect(can(actors[who], action, resources.camToilet)).toBe(false);
      }
    }
  });
});
