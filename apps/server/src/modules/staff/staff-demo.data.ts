import type { EducationLevel, StaffRole } from '@gardenwatch/contracts';

export const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余',
];
export const givenNames = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '婷',
  '雪',
  '慧',
  '颖',
  '佳',
  '欣',
  '琳',
  '悦',
  '晓燕',
  '丽华',
  '雅琴',
  '美玲',
  '春梅',
  '秀英',
  '思雨',
  '梦瑶',
  '子涵',
  '雨欣',
  '诗琪',
  '嘉怡',
  '伟',
  '强',
  '军',
  '磊',
  '勇',
  '杰',
  '涛',
  '明',
  '建华',
  '志强',
  '海波',
  '国庆',
];

/** A small deterministic generator (mulberry32), so a seed run always writes the same people. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const seedOf = (text: string): number =>
  [...text].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);

export interface RolePlan {
  role: StaffRole;
  /** Per 100 children. */
  per100: number;
  minimum: number;
  payYuan: [number, number];
  education: [EducationLevel, number][];
}

/** Staffing per 100 children, roughly the national staffing standard for full-day kindergartens. */
export const rolePlans: RolePlan[] = [
  {
    role: 'principal',
    per100: 0,
    minimum: 1,
    payYuan: [11000, 16000],
    education: [
      ['bachelor', 0.7],
      ['master', 0.3],
    ],
  },
  {
    role: 'teacher',
    per100: 8,
    minimum: 4,
    payYuan: [6500, 12000],
    education: [
      ['secondary', 0.05],
      ['associate', 0.45],
      ['bachelor', 0.45],
      ['master', 0.05],
    ],
  },
  {
    role: 'assistant',
    per100: 4,
    minimum: 2,
    payYuan: [4500, 6500],
    education: [
      ['secondary', 0.6],
      ['associate', 0.4],
    ],
  },
  {
    role: 'health',
    per100: 0,
    minimum: 1,
    payYuan: [6000, 9000],
    education: [
      ['associate', 0.6],
      ['bachelor', 0.4],
    ],
  },
  {
    role: 'cook',
    per100: 1,
    minimum: 1,
    payYuan: [4500, 6000],
    education: [
      ['junior_secondary', 0.6],
      ['secondary', 0.4],
    ],
  },
  {
    role: 'security',
    per100: 1,
    minimum: 2,
    payYuan: [4200, 5500],
    education: [
      ['junior_secondary', 0.5],
      ['secondary', 0.5],
    ],
  },
  { role: 'driver', per100: 0, minimum: 0, payYuan: [5000, 6500], education: [['secondary', 1]] },
  {
    role: 'cleaner',
    per100: 1,
    minimum: 1,
    payYuan: [3800, 4500],
    education: [['junior_secondary', 1]],
  },
];

/** Teachers of the one kindergarten kept below the 90% target: mostly secondary education. */
export const belowTargetTeacherEducation: [EducationLevel, number][] = [
  ['secondary', 0.35],
  ['associate', 0.45],
  ['bachelor', 0.2],
];

export const demoBlacklist = [
  {
    name: '杜某',
    reason: 'child_abuse',
    document: '深教处〔2025〕31号',
    until: null,
    appeal: 'none',
  },
  {
    name: '韦某',
    reason: 'violence',
    document: '深教处〔2025〕47号',
    until: '2031-06-30',
    appeal: 'pending',
  },
  {
    name: '莫某',
    reason: 'sexual_offence',
    document: '深教处〔2026〕05号',
    until: null,
    appeal: 'upheld',
  },
] as const;

/** 2025 figures of the order of Shenzhen's published statistics, in fen per year. */
export const demoPayBenchmarks = {
  primaryTeacherAnnualFen: 18_600_000,
  socialAverageAnnualFen: 15_400_000,
};
