import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** What the sampled sub-stream pictures show wrong, worst first. */
export const tamperKinds = ['covered', 'turned', 'defocused', 'frozen'] as const;
export const tamperKindSchema = z.enum(tamperKinds);
export type TamperKind = z.infer<typeof tamperKindSchema>;

/** Whether pictures arrive from the camera at all. */
export const linkStateSchema = z.enum(['unknown', 'online', 'offline', 'auth_failed']);
export type LinkState = z.infer<typeof linkStateSchema>;

/** A fault a maintainer must repair: the camera is gone, refuses us, or its picture is wrong. */
export const faultKindSchema = z.enum(['offline', 'auth_failed', ...tamperKinds]);
export type CameraFaultKind = z.infer<typeof faultKindSchema>;

export const cameraHealthSchema = z.object({
  cameraId: z.uuid(),
  name: z.string(),
  link: linkStateSchema,
  tamper: tamperKindSchema.nullable(),
  /** The fault in force and since when; null while the camera is well. */
  fault: faultKindSchema.nullable(),
  faultSince: timestamp.nullable(),
  /** Recording: no gap open in the record. */
  recording: z.boolean(),
  /** From the newest indexed segment; null without footage. */
  fps: z.number().nullable(),
  /** Kilobits per second over the last minute of indexed footage. */
  bitrateKbps: z.number().nullable(),
  lastFrameAt: timestamp.nullable(),
  /** 96 quarter hours of the last 24 h, oldest first: the share (0 to 1) recorded. */
  availability: z.array(z.number().min(0).max(1)),
});
export type CameraHealth = z.infer<typeof cameraHealthSchema>;

export const kindergartenHealthSchema = z.object({
  kindergartenId: z.uuid(),
  /** Start of the availability strip. */
  since: timestamp,
  cameras: z.array(cameraHealthSchema),
});
export type KindergartenHealth = z.infer<typeof kindergartenHealthSchema>;

/** Published on every change of a camera's link or tamper state. Ids and codes only. */
export const healthSubjects = {
  cameraChanged: 'health.camera.changed',
  workOrderOpened: 'health.workorder.opened',
} as const;

export const healthCameraChangedEvent = z.object({
  cameraId: z.uuid(),
  kindergartenId: z.uuid(),
  link: linkStateSchema,
  tamper: tamperKindSchema.nullable(),
  fault: faultKindSchema.nullable(),
  at: timestamp,
});
export type HealthCameraChangedEvent = z.infer<typeof healthCameraChangedEvent>;

export const workOrderSchema = z.object({
  id: z.uuid(),
  cameraId: z.uuid(),
  cameraName: z.string(),
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  fault: faultKindSchema,
  faultSince: timestamp,
  openedAt: timestamp,
  dueAt: timestamp,
  closedAt: timestamp.nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderOpenedEvent = z.object({
  workOrderId: z.uuid(),
  cameraId: z.uuid(),
  kindergartenId: z.uuid(),
  fault: faultKindSchema,
  dueAt: timestamp,
});

export const workOrderListQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
});

export const workOrderCloseBody = z.object({
  note: z.string().trim().min(1, 'a note of the repair is required').max(2000),
});

export const storageSchema = z.object({
  totalBytes: z.number(),
  freeBytes: z.number(),
  /** Bytes of indexed footage of the cameras listed. */
  footageBytes: z.number(),
  /** Days the disk holds at the current bitrates of every recording camera; null when idle. */
  daysAtCurrentRate: z.number().nullable(),
  cameras: z.array(
    z.object({
      cameraId: z.uuid(),
      name: z.string(),
      bytes: z.number(),
      daysHeld: z.number(),
      oldestAt: timestamp.nullable(),
      bitrateKbps: z.number().nullable(),
      retentionDays: z.number().int(),
    }),
  ),
});
export type Storage = z.infer<typeof storageSchema>;

const t = ['health'];

export const healthRoutes = {
  kindergarten: defineRoute({
    method: 'GET',
    path: '/api/kindergartens/:id/health',
    summary: 'Health of every camera of a kindergarten with a 24 h availability strip',
    tags: t,
    params: idParams,
    response: kindergartenHealthSchema,
  }),
  storage: defineRoute({
    method: 'GET',
    path: '/api/kindergartens/:id/storage',
    summary: 'Recording disk space and days of footage of a kindergarten',
    tags: t,
    params: idParams,
    response: storageSchema,
  }),
  workOrders: defineRoute({
    method: 'GET',
    path: '/api/work-orders',
    summary: 'Work orders of the kindergartens the caller maintains or oversees',
    tags: t,
    query: workOrderListQuery,
    response: z.object({ items: z.array(workOrderSchema) }),
  }),
  overdue: defineRoute({
    method: 'GET',
    path: '/api/work-orders/overdue',
    summary: 'Open work orders past their due time, for the district and the city',
    tags: t,
    response: z.object({ items: z.array(workOrderSchema) }),
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/work-orders/:id/close',
    summary: 'Close a work order with a note of the repair (audited)',
    tags: t,
    params: idParams,
    body: workOrderCloseBody,
    response: workOrderSchema,
  }),
};
