import { z } from 'zod';
import { defineRoute, idParams, okBody } from './route.ts';

export const staffRoles = [
  'teacher',
  'assistant',
  'principal',
  'health',
  'cook',
  'security',
  'driver',
  'cleaner',
  'other',
] as const;
export const staffRoleSchema = z.enum(staffRoles);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Lowest to highest; `associate` (大专) and above count as a college education. */
export const educationLevels = [
  'junior_secondary',
  'secondary',
  'associate',
  'bachelor',
  'master',
] as const;
export const educationLevelSchema = z.enum(educationLevels);
export type EducationLevel = z.infer<typeof educationLevelSchema>;
export const collegeLevels: readonly EducationLevel[] = ['associate', 'bachelor', 'master'];

export const staffStatuses = ['pending_check', 'active', 'suspended', 'left'] as const;
export const staffStatusSchema = z.enum(staffStatuses);
export type StaffStatus = z.infer<typeof staffStatusSchema>;

export const isoDate = z.iso.date();

/** Control characters (C0 and DEL), which no name or label holds. */
export const hasControlCharacters = (value: string): boolean =>
  [...value].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);

/** A person's name as typed; markup and formula characters are kept as text, never run. */
export const personName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => !hasControlCharacters(v), 'must not contain control characters');

/** 18 characters; the checksum is checked on the server (GB 11643). */
export const identityNumberInput = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, 'must be 18 characters: 17 digits and a digit or X');

const certificateNumber = z.string().trim().min(1).max(40).nullable();

export const staffFieldsSchema = z.object({
  name: personName,
  role: staffRoleSchema,
  education: educationLevelSchema,
  certificateNumber,
  certificateValidUntil: isoDate.nullable(),
  hiredOn: isoDate,
  leftOn: isoDate.nullable(),
  /** Monthly pay in fen (1/100 yuan). */
  monthlyPayFen: z.number().int().min(0).max(100_000_000),
});
export type StaffFields = z.infer<typeof staffFieldsSchema>;

export const createStaffSchema = staffFieldsSchema.extend({
  certificateNumber: certificateNumber.default(null),
  certificateValidUntil: isoDate.nullable().default(null),
  leftOn: isoDate.nullable().default(null),
  kindergartenId: z.uuid(),
  identityNumber: identityNumberInput,
  /** Ask to make the person active at once; refused without a passed hiring check (30 days). */
  activate: z.boolean().default(false),
});

/** Only the fields sent change; a new version is written when anything differs. */
export const updateStaffSchema = staffFieldsSchema.partial();

export const staffFlagSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['blacklist_hit']),
  raisedAt: z.iso.datetime(),
});

export const staffSchema = z.object({
  id: z.uuid(),
  kindergartenId: z.uuid(),
  /** Masked (first 6 and last 4) except for city administrators. */
  identityNumber: z.string(),
  version: z.number().int(),
  ...staffFieldsSchema.shape,
  status: staffStatusSchema,
  /** The same person is also current staff of another kindergarten. */
  employedElsewhere: z.boolean(),
  flags: z.array(staffFlagSchema),
  updatedAt: z.iso.datetime(),
});
export type Staff = z.infer<typeof staffSchema>;

export const staffVersionSchema = z.object({
  version: z.number().int(),
  ...staffFieldsSchema.shape,
  status: staffStatusSchema,
  changeSource: z.enum(['manual', 'import', 'system']),
  changedBy: z.uuid().nullable(),
  validFrom: z.iso.datetime(),
  validTo: z.iso.datetime().nullable(),
});

export const staffListQuerySchema = z.object({
  kindergartenId: z.uuid(),
  status: staffStatusSchema.optional(),
  role: staffRoleSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const staffExportQuerySchema = z.object({ kindergartenId: z.uuid() });

// Roster import ---------------------------------------------------------------------------

export const importModes = ['dry_run', 'all', 'valid_only'] as const;
export const importQuerySchema = z.object({
  kindergartenId: z.uuid(),
  /** dry_run writes nothing; all refuses when any row has an error; valid_only skips them. */
  mode: z.enum(importModes).default('dry_run'),
});

export const importRowErrorCodes = [
  'missing_value',
  'bad_identity_number',
  'unknown_role',
  'unknown_education',
  'bad_date',
  'bad_pay',
  'duplicate',
  'formula_without_value',
  'too_long',
  'leave_before_hire',
  'bad_text',
] as const;

export const importRowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.enum(importRowErrorCodes),
  message: z.string(),
});

export const importReportSchema = z.object({
  mode: z.enum(importModes),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  fileSha256: z.string(),
  rowsTotal: z.number().int(),
  rowsValid: z.number().int(),
  errors: z.array(importRowIssueSchema),
  /** Rows that will be (or were) registered waiting for a hiring check. */
  pendingCheckRows: z.array(z.number().int()),
  /** Rows whose person is also current staff of another kindergarten (allowed, flagged). */
  employedElsewhereRows: z.array(z.number().int()),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  written: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

// Dashboards --------------------------------------------------------------------------------

export const dashboardQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  districtId: z.uuid().optional(),
  kindergartenId: z.uuid().optional(),
});

const shareSchema = z.object({
  teachers: z.number().int(),
  qualified: z.number().int(),
  /** qualified / teachers, null without teachers. */
  share: z.number().nullable(),
  belowTarget: z.boolean(),
});

export const qualificationDashboardSchema = z.object({
  year: z.number().int(),
  target: z.number(),
  total: shareSchema,
  byDistrict: z.array(shareSchema.extend({ districtId: z.uuid(), name: z.string() })),
  byType: z.array(shareSchema.extend({ type: z.string() })),
  byKindergarten: z.array(
    shareSchema.extend({
      kindergartenId: z.uuid(),
      name: z.string(),
      districtId: z.uuid(),
      type: z.string(),
    }),
  ),
});

export const certificateDashboardSchema = z.object({
  asOf: isoDate,
  teachers: z.number().int(),
  expired: z.number().int(),
  missing: z.number().int(),
  byKindergarten: z.array(
    z.object({
      kindergartenId: z.uuid(),
      name: z.string(),
      expired: z.number().int(),
      missing: z.number().int(),
    }),
  ),
  /** Up to 500 people, soonest expired first. */
  people: z.array(
    z.object({
      staffId: z.uuid(),
      kindergartenId: z.uuid(),
      name: z.string(),
      certificateNumber: z.string().nullable(),
      certificateValidUntil: isoDate.nullable(),
    }),
  ),
});

export const payBenchmarksSchema = z.object({
  year: z.number().int(),
  /** Annual average pay of public primary-school teachers, in fen; null when not set. */
  primaryTeacherAnnualFen: z.number().int().nullable(),
  /** Annual average social wage, in fen; null when not set. */
  socialAverageAnnualFen: z.number().int().nullable(),
});

export const payDashboardSchema = z.object({
  benchmarks: payBenchmarksSchema,
  kindergartens: z.array(
    z.object({
      kindergartenId: z.uuid(),
      name: z.string(),
      districtId: z.uuid(),
      type: z.string(),
      teachers: z.number().int(),
      staff: z.number().int(),
      /** Average monthly pay × 12, in fen. */
      teacherAnnualFen: z.number().int().nullable(),
      staffAnnualFen: z.number().int().nullable(),
      belowPrimaryTeacher: z.boolean(),
      belowSocialAverage: z.boolean(),
    }),
  ),
});

export const qualificationTargetSchema = z.object({
  year: z.number().int(),
  share: z.number().gt(0).max(1),
  isDefault: z.boolean(),
});

export const yearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const reportKinds = ['qualifications', 'certificates', 'pay'] as const;

const t = ['staff'];

export const staffRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/staff',
    summary: "A kindergarten's current staff",
    tags: t,
    query: staffListQuerySchema,
    response: z.object({ items: z.array(staffSchema), total: z.number().int() }),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/staff',
    summary: 'Register a staff member (pending a hiring check unless one passed in 30 days)',
    tags: t,
    body: createStaffSchema,
    response: staffSchema,
    status: 201,
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/staff/:id',
    summary: 'One staff member',
    tags: t,
    params: idParams,
    response: staffSchema,
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/staff/:id/versions',
    summary: "Every version of a staff member's record, newest first",
    tags: t,
    params: idParams,
    response: z.object({ items: z.array(staffVersionSchema) }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/staff/:id',
    summary: 'Change a staff record (writes a new version)',
    tags: t,
    params: idParams,
    body: updateStaffSchema,
    response: staffSchema,
  }),
  activate: defineRoute({
    method: 'POST',
    path: '/api/staff/:id/activate',
    summary: 'Make active; needs a passed hiring check of the last 30 days',
    tags: t,
    params: idParams,
    response: staffSchema,
  }),
  suspend: defineRoute({
    method: 'POST',
    path: '/api/staff/:id/suspend',
    summary: 'Suspend a staff member',
    tags: t,
    params: idParams,
    response: staffSchema,
  }),
  leave: defineRoute({
    method: 'POST',
    path: '/api/staff/:id/leave',
    summary: 'Record that a staff member left',
    tags: t,
    params: idParams,
    body: z.object({ leftOn: isoDate }),
    response: staffSchema,
  }),
  resolveFlag: defineRoute({
    method: 'POST',
    path: '/api/staff/flags/:id/resolve',
    summary: 'Close a flag after review (district reviewers)',
    tags: t,
    params: idParams,
    body: z.object({ note: z.string().trim().min(1).max(500) }),
    response: okBody,
  }),
  /**
   * Body: the file itself (text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml
   * .sheet or application/octet-stream), at most 5 MiB, 20,000 rows and 40 columns.
   */
  import: defineRoute({
    method: 'POST',
    path: '/api/staff/imports',
    summary: 'Check (dry_run) or import a roster file, CSV (UTF-8 or GB 18030) or XLSX',
    tags: t,
    query: importQuerySchema,
    response: importReportSchema,
  }),
  /** Answers text/csv (UTF-8 with BOM); audited. */
  export: defineRoute({
    method: 'GET',
    path: '/api/staff/export.csv',
    summary: "A kindergarten's staff as CSV (audited; formula-like values escaped)",
    tags: t,
    query: staffExportQuerySchema,
    response: z.string(),
  }),
  qualifications: defineRoute({
    method: 'GET',
    path: '/api/staff/dashboards/qualifications',
    summary: 'Share of teachers with an associate college education or above against the target',
    tags: t,
    query: dashboardQuerySchema,
    response: qualificationDashboardSchema,
  }),
  certificates: defineRoute({
    method: 'GET',
    path: '/api/staff/dashboards/certificates',
    summary: 'Teachers whose certificate has expired or is missing',
    tags: t,
    query: dashboardQuerySchema,
    response: certificateDashboardSchema,
  }),
  pay: defineRoute({
    method: 'GET',
    path: '/api/staff/dashboards/pay',
    summary: 'Average pay per kindergarten against the city benchmarks',
    tags: t,
    query: dashboardQuerySchema,
    response: payDashboardSchema,
  }),
  /** Answers text/csv (UTF-8 with BOM); audited. */
  dashboardExport: defineRoute({
    method: 'GET',
    path: '/api/staff/dashboards/:report/export.csv',
    summary: 'A dashboard as CSV (audited)',
    tags: t,
    params: z.object({ report: z.enum(reportKinds) }),
    query: dashboardQuerySchema,
    response: z.string(),
  }),
  getTarget: defineRoute({
    method: 'GET',
    path: '/api/staff/targets/:year',
    summary: 'The qualification target of a year (0.9 unless set)',
    tags: t,
    params: yearParams,
    response: qualificationTargetSchema,
  }),
  setTarget: defineRoute({
    method: 'PUT',
    path: '/api/staff/targets/:year',
    summary: 'Set the qualification target of a year (city administrators)',
    tags: t,
    params: yearParams,
    body: z.object({ share: z.number().gt(0).max(1) }),
    response: qualificationTargetSchema,
  }),
  getBenchmarks: defineRoute({
    method: 'GET',
    path: '/api/staff/pay-benchmarks/:year',
    summary: 'The pay benchmarks of a year',
    tags: t,
    params: yearParams,
    response: payBenchmarksSchema,
  }),
  setBenchmarks: defineRoute({
    method: 'PUT',
    path: '/api/staff/pay-benchmarks/:year',
    summary: 'Set the pay benchmarks of a year (city administrators)',
    tags: t,
    params: yearParams,
    body: payBenchmarksSchema.omit({ year: true }),
    response: payBenchmarksSchema,
  }),
};
