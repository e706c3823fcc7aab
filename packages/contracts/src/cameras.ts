import { z } from 'zod';
import { areaKindSchema } from './org-kinds.ts';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** An RTSP URL; credentials in it are moved to the username and password fields on save. */
export const rtspUrl = z
  .string()
  .trim()
  .max(500, 'is too long')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'rtsp:' || url.protocol === 'rtsps:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be an RTSP URL such as rtsp://192.0.2.10:554/stream1');

/** The national minimum is 30 days; 90 by default. */
export const retentionDaysSchema = z
  .number()
  .int()
  .min(30, 'must be at least 30 days (the national minimum)')
  .max(3650);

export const cameraStatusSchema = z.enum(['unknown', 'online', 'offline', 'auth_failed']);
export type CameraStatus = z.infer<typeof cameraStatusSchema>;

/** A camera as the API shows it: never its username or password, URLs without credentials. */
export const cameraSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  areaKind: areaKindSchema,
  kindergartenId: z.uuid(),
  districtId: z.uuid(),
  name: z.string(),
  mainUrl: z.string(),
  subUrl: z.string().nullable(),
  hasCredentials: z.boolean(),
  codec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  fps: z.number().nullable(),
  retentionDays: z.number().int(),
  status: cameraStatusSchema,
  statusMessage: z.string().nullable(),
  probedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  archivedAt: timestamp.nullable(),
});
export type Camera = z.infer<typeof cameraSchema>;

const cameraName = z.string().trim().min(1, 'must not be empty').max(100, 'is too long');
const secret = z.string().max(200, 'is too long');

export const cameraCreate = z.strictObject({
  areaId: z.uuid(),
  name: cameraName,
  mainUrl: rtspUrl,
  subUrl: rtspUrl.optional(),
  username: secret.optional(),
  password: secret.optional(),
  retentionDays: retentionDaysSchema.optional(),
});
export type CameraCreate = z.infer<typeof cameraCreate>;

/** Omitted fields stay; `null` clears the sub stream or the credentials. */
export const cameraUpdate = z.strictObject({
  areaId: z.uuid().optional(),
  name: cameraName.optional(),
  mainUrl: rtspUrl.optional(),
  subUrl: rtspUrl.nullable().optional(),
  username: secret.nullable().optional(),
  password: secret.nullable().optional(),
  retentionDays: retentionDaysSchema.optional(),
});
export type CameraUpdate = z.infer<typeof cameraUpdate>;

export const cameraListQuery = z.object({
  kindergartenId: z.uuid().optional(),
  areaId: z.uuid().optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const cameraRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/cameras',
    summary: 'Cameras the user may see',
    tags: ['cameras'],
    query: cameraListQuery,
    response: z.object({ items: z.array(cameraSchema) }),
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/cameras/:id',
    summary: 'One camera',
    tags: ['cameras'],
    params: idParams,
    response: cameraSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/cameras',
    summary: 'Add a camera; its stream is probed, an unreachable one is saved as offline',
    tags: ['cameras'],
    body: cameraCreate,
    response: cameraSchema,
    status: 201,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/cameras/:id',
    summary: 'Change a camera; a changed URL or credentials are probed again',
    tags: ['cameras'],
    params: idParams,
    body: cameraUpdate,
    response: cameraSchema,
  }),
  probe: defineRoute({
    method: 'POST',
    path: '/api/cameras/:id/probe',
    summary: 'Probe the main stream again (codec, resolution, frame rate)',
    tags: ['cameras'],
    params: idParams,
    response: cameraSchema,
  }),
  archive: defineRoute({
    method: 'POST',
    path: '/api/cameras/:id/archive',
    summary: 'Stop recording a camera and hide it; its footage follows retention',
    tags: ['cameras'],
    params: idParams,
    response: cameraSchema,
  }),
};
