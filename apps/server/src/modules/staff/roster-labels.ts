import type { EducationLevel, StaffRole } from '@gardenwatch/contracts';

/** Normalises a header or label: case, spaces, full-width brackets and the yuan unit. */
export const normaliseLabel = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, '')
    .replace(/[()]/g, '')
    .replace(/元$/, '');

const table = <T extends string>(entries: Record<T, string[]>): Map<string, T> => {
  const map = new Map<string, T>();
  for (const [code, labels] of Object.entries(entries) as [T, string[]][]) {
    map.set(normaliseLabel(code), code);
    for (const label of labels) map.set(normaliseLabel(label), code);
  }
  return map;
};

const roles = table<StaffRole>({
  teacher: ['教师', '专任教师', '幼儿教师', '主班教师', '配班教师', '老师'],
  assistant: ['保育员', '保育老师', '生活老师', '助教', 'assistant', 'childcare worker'],
  principal: ['园长', '副园长', '执行园长', '业务园长'],
  health: ['保健医', '保健医生', '保健员', '卫生保健人员', '医生', '护士', 'doctor', 'nurse'],
  cook: ['厨师', '炊事员', '厨工', '帮厨'],
  security: ['保安', '保安员', '安保人员', '门卫', 'security guard'],
  driver: ['司机', '驾驶员'],
  cleaner: ['保洁', '保洁员'],
  other: ['其他', '其它', '财务', '会计', '后勤'],
});

const education = table<EducationLevel>({
  junior_secondary: ['初中及以下', '初中', '小学', 'junior secondary or below', 'junior secondary'],
  secondary: [
    '高中',
    '中专',
    '职高',
    '中职',
    '技校',
    '高中、中专、职高',
    '高中/中专/职高',
    'vocational high',
  ],
  associate: ['大专', '专科', '大学专科', 'associate college', 'associate degree'],
  bachelor: ['本科', '大学本科', '学士'],
  master: ['硕士', '硕士及以上', '研究生', '博士', 'master or above', 'doctorate', 'phd'],
});

export const roleOf = (label: string): StaffRole | undefined => roles.get(normaliseLabel(label));
export const educationOf = (label: string): EducationLevel | undefined =>
  education.get(normaliseLabel(label));

export const rosterColumns = [
  'name',
  'identityNumber',
  'role',
  'education',
  'certificateNumber',
  'certificateValidUntil',
  'hiredOn',
  'leftOn',
  'monthlyPay',
] as const;
export type RosterColumn = (typeof rosterColumns)[number];

export const requiredColumns: RosterColumn[] = [
  'name',
  'identityNumber',
  'role',
  'education',
  'hiredOn',
  'monthlyPay',
];

/** The header names accepted for each column; the first is the one the template uses. */
export const columnHeaders = table<RosterColumn>({
  name: ['姓名', 'name'],
  identityNumber: ['身份证号', '身份证号码', '公民身份号码', 'identity number', 'id number'],
  role: ['岗位', '职务', '岗位类别', 'role'],
  education: ['学历', '最高学历', 'education'],
  certificateNumber: ['教师资格证号', '教师资格证编号', '资格证号', 'certificate number'],
  certificateValidUntil: [
    '资格证有效期至',
    '教师资格证有效期至',
    '教师资格证有效期',
    'certificate valid until',
  ],
  hiredOn: ['入职日期', '入职时间', 'hire date', 'hired on'],
  leftOn: ['离职日期', '离职时间', 'leave date', 'left on'],
  monthlyPay: [
    '月工资(元)',
    '月工资',
    '月薪',
    'monthly pay (yuan)',
    'monthly pay yuan',
    'monthly pay',
  ],
});
