import { z } from 'zod';
import { defineRoute } from './route.ts';

/** A point as fractions of the camera picture's width and height (0 top left, 1 bottom right). */
export const zonePointSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

/**
 * A polygon on a camera's picture. Perimeter: anyone there for 2 s is an intrusion; indoor: the
 * same at night only; gate: someone there for 2 minutes is loitering.
 */
export const cameraZoneSchema = z.object({
  id: z.string().trim().min(1).max(40),
  kind: z.enum(['perimeter', 'indoor', 'gate']),
  polygon: z.array(zonePointSchema).min(3).max(32),
});
export type CameraZone = z.infer<typeof cameraZoneSchema>;

export const cameraZonesSchema = z
  .array(cameraZoneSchema)
  .max(16)
  .refine((zones) => new Set(zones.map((zone) => zone.id)).size === zones.length, {
    message: 'zone ids must differ',
  });

const params = z.object({ id: z.uuid() });
const zonesBody = z.object({ zones: cameraZonesSchema });

export const zoneRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/cameras/:id/zones',
    summary: 'The zones drawn on a camera',
    tags: ['cameras'],
    params,
    response: zonesBody,
  }),
  put: defineRoute({
    method: 'PUT',
    path: '/api/cameras/:id/zones',
    summary: 'Replace the zones drawn on a camera (audited); the analysis uses them on restart',
    tags: ['cameras'],
    params,
    body: zonesBody,
    response: zonesBody,
  }),
};
