import type { AreaKind, KindergartenType, Role } from '@gardenwatch/contracts';

/** The demo city: Shenzhen, with two of its districts (administrative codes of GB/T 2260). */
export const demoCity = { name: '深圳市', adminCode: '440300' };

export const demoDistricts = [
  { name: '福田区', adminCode: '440304' },
  { name: '南山区', adminCode: '440305' },
] as const;

export interface DemoArea {
  name: string;
  kind: AreaKind;
}

export interface DemoFloor {
  name: string;
  level: number;
  areas: DemoArea[];
}

export interface DemoBuilding {
  name: string;
  floors: DemoFloor[];
}

export interface DemoKindergarten {
  districtCode: string;
  name: string;
  address: string;
  type: KindergartenType;
  childrenCount: number;
  buildings: DemoBuilding[];
}

const grades = ['小', '中', '大'] as const;
const numerals = ['一', '二', '三', '四', '五'] as const;

/** Each class has its activity room, nap room and toilet, as kindergartens are built here. */
function classAreas(grade: string, count: number): DemoArea[] {
  return numerals.slice(0, count).flatMap((n) => [
    { name: `${grade}${n}班活动室`, kind: 'classroom' as const },
    { name: `${grade}${n}班午睡室`, kind: 'nap_room' as const },
    { name: `${grade}${n}班卫生间`, kind: 'toilet' as const },
  ]);
}

const outdoor: DemoBuilding = {
  name: '室外区域',
  floors: [
    {
      name: '园区地面',
      level: 0,
      areas: [
        { name: '正门', kind: 'gate' },
        { name: '后门', kind: 'gate' },
        { name: '东侧围墙', kind: 'perimeter' },
        { name: '西侧围墙', kind: 'perimeter' },
        { name: '户外活动场地', kind: 'playground' },
      ],
    },
  ],
};

/** A teaching building of one floor per grade (小班, 中班, 大班), `perGrade` classes each. */
function teachingBuilding(perGrade: number): DemoBuilding {
  return {
    name: '教学楼',
    floors: grades.map((grade, i) => ({
      name: `${i + 1}层`,
      level: i + 1,
      areas: [
        ...(i === 0 ? [{ name: '门厅', kind: 'entrance_hall' as const }] : []),
        { name: `${i + 1}层走廊`, kind: 'corridor' },
        { name: `${i + 1}层东楼梯`, kind: 'stairs' },
        { name: `${i + 1}层西楼梯`, kind: 'stairs' },
        ...classAreas(grade, perGrade),
      ],
    })),
  };
}

const serviceBuilding: DemoBuilding = {
  name: '综合楼',
  floors: [
    {
      name: '1层',
      level: 1,
      areas: [
        { name: '综合楼门厅', kind: 'entrance_hall' },
        { name: '餐厅', kind: 'dining_room' },
        { name: '厨房', kind: 'kitchen' },
        { name: '食品库房', kind: 'storeroom' },
        { name: '保健室', kind: 'clinic' },
        { name: '综合楼楼梯', kind: 'stairs' },
      ],
    },
    {
      name: '2层',
      level: 2,
      areas: [
        { name: '2层走廊', kind: 'corridor' },
        { name: '园长办公室', kind: 'office' },
        { name: '教师办公室', kind: 'office' },
        { name: '教具库房', kind: 'storeroom' },
        { name: '教职工更衣室', kind: 'changing_room' },
        { name: '教职工卫生间', kind: 'toilet' },
      ],
    },
  ],
};

/** Three kindergartens of the three types, sized to fall in different size grades. */
export const demoKindergartens: DemoKindergarten[] = [
  {
    districtCode: '440304',
    name: '深圳市福田区红荔幼儿园',
    address: '广东省深圳市福田区华富街道红荔路2008号',
    type: 'public',
    childrenCount: 360,
    buildings: [outdoor, teachingBuilding(4), serviceBuilding],
  },
  {
    districtCode: '440304',
    name: '深圳市福田区香蜜湖普惠幼儿园',
    address: '广东省深圳市福田区香蜜湖街道农园路38号',
    type: 'inclusive_private',
    childrenCount: 240,
    buildings: [outdoor, teachingBuilding(3), serviceBuilding],
  },
  {
    districtCode: '440305',
    name: '深圳市南山区蓓蕾双语幼儿园',
    address: '广东省深圳市南山区蛇口街道工业八路126号',
    type: 'private',
    childrenCount: 150,
    buildings: [outdoor, teachingBuilding(2), serviceBuilding],
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Where the user works: the first district, the first kindergarten, or none (the city). */
  scope: 'city' | 'district' | 'kindergarten' | 'maintained';
}

/** One user per role. Display names are role titles, not people's names. */
export const demoUsers: DemoUser[] = [
  { username: 'city-admin', displayName: '市教育局管理员', role: 'city_admin', scope: 'city' },
  {
    username: 'district-reviewer',
    displayName: '福田区教育局审核员',
    role: 'district_reviewer',
    scope: 'district',
  },
  {
    username: 'principal',
    displayName: '红荔幼儿园园长',
    role: 'principal',
    scope: 'kindergarten',
  },
  {
    username: 'security-officer',
    displayName: '红荔幼儿园安保人员',
    role: 'security_officer',
    scope: 'kindergarten',
  },
  { username: 'police', displayName: '福田分局民警', role: 'police', scope: 'district' },
  { username: 'parent', displayName: '小一班家长', role: 'parent', scope: 'kindergarten' },
  { username: 'maintainer', displayName: '运维工程师', role: 'maintainer', scope: 'maintained' },
];
