import { z } from 'zod';
import { doriLevelSchema } from './coverage.ts';
import { areaKindSchema } from './org-kinds.ts';

const timestamp = z.iso.datetime({ offset: true });

const totals = {
  requiredM2: z.number(),
  coveredM2: z.number(),
  /** Share of the required area covered at its required level; null with nothing to cover. */
  share: z.number().nullable(),
  keyRequiredM2: z.number(),
  keyCoveredM2: z.number(),
  keyShare: z.number().nullable(),
  deadZoneM2: z.number(),
  violationCount: z.number().int(),
};

export const kindergartenComplianceSchema = z.object({
  kindergartenId: z.uuid(),
  name: z.string(),
  districtId: z.uuid(),
  districtName: z.string(),
  ...totals,
  floors: z.array(
    z.object({
      floorId: z.uuid(),
      name: z.string(),
      planned: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
  areas: z.array(
    z.object({
      floorId: z.uuid(),
      areaId: z.uuid(),
      name: z.string(),
      kind: areaKindSchema,
      isKey: z.boolean(),
      requiredLevel: doriLevelSchema,
      reachedLevel: doriLevelSchema.nullable(),
      areaM2: z.number(),
      coveredShare: z.number(),
    }),
  ),
  deadZones: z.array(
    z.object({ floorId: z.uuid(), areaId: z.uuid(), areaName: z.string(), areaM2: z.number() }),
  ),
  violations: z.array(
    z.object({
      floorId: z.uuid(),
      cameraId: z.uuid(),
      cameraName: z.string(),
      areaId: z.uuid(),
      areaName: z.string(),
      overlapM2: z.number(),
    }),
  ),
  computedAt: timestamp,
});
export type KindergartenCompliance = z.infer<typeof kindergartenComplianceSchema>;

export const complianceSummarySchema = z.object({
  kindergartenId: z.uuid(),
  name: z.string(),
  plannedFloors: z.number().int(),
  floors: z.number().int(),
  ...totals,
});
export type ComplianceSummary = z.infer<typeof complianceSummarySchema>;

export const districtComplianceSchema = z.object({
  districtId: z.uuid(),
  name: z.string(),
  ...totals,
  kindergartens: z.array(complianceSummarySchema),
  computedAt: timestamp,
});
export type DistrictCompliance = z.infer<typeof districtComplianceSchema>;

export const programmeStages = ['surveyed', 'designed', 'installing', 'accepted'] as const;
export const programmeStageSchema = z.enum(programmeStages);
export type ProgrammeStage = z.infer<typeof programmeStageSchema>;

export const checklistKeys = ['coverage', 'recording', 'retention', 'police_sharing'] as const;
export const checklistItemSchema = z.object({
  key: z.enum(checklistKeys),
  /** `unknown` when the system cannot tell (no plan, no camera, gateway not configured). */
  state: z.enum(['passed', 'failed', 'unknown']),
  /** Counts behind the answer, e.g. `{ cameras: 6, recording: 5 }`. */
  facts: z.record(z.string(), z.number()),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const programmeSchema = z.object({
  kindergartenId: z.uuid(),
  name: z.string(),
  districtId: z.uuid(),
  /** Null until the kindergarten enters the programme. */
  stage: programmeStageSchema.nullable(),
  checklist: z.array(checklistItemSchema),
  signOff: z
    .object({ by: z.uuid(), byName: z.string(), at: timestamp, note: z.string() })
    .nullable(),
  updatedAt: timestamp.nullable(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const stageCountsSchema = z.object({
  notStarted: z.number().int(),
  surveyed: z.number().int(),
  designed: z.number().int(),
  installing: z.number().int(),
  accepted: z.number().int(),
  total: z.number().int(),
});
export type StageCounts = z.infer<typeof stageCountsSchema>;

export const programmeProgressSchema = z.object({
  counts: stageCountsSchema,
  groups: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      counts: stageCountsSchema,
      stage: programmeStageSchema.nullable(),
    }),
  ),
});
export type ProgrammeProgress = z.infer<typeof programmeProgressSchema>;

export const programmeStageUpdate = z.strictObject({
  stage: z.enum(['surveyed', 'designed', 'installing']),
});
export const signOffInput = z.strictObject({
  note: z.string().trim().min(1, 'must not be empty').max(1_000, 'is too long'),
});
