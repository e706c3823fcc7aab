import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

export const gapCauses = [
  'camera_unreachable',
  'auth_failed',
  'stream_stalled',
  'process_crashed',
  'disk_full',
  'server_down',
] as const;
export const gapCauseSchema = z.enum(gapCauses);
export type GapCause = z.infer<typeof gapCauseSchema>;

export const segmentSchema = z.object({
  id: z.string(),
  cameraId: z.uuid(),
  startedAt: timestamp,
  endedAt: timestamp,
  bytes: z.number().int(),
  codec: z.string(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const gapSchema = z.object({
  id: z.string(),
  cameraId: z.uuid(),
  from: timestamp,
  /** Null while the gap is still open. */
  to: timestamp.nullable(),
  cause: gapCauseSchema,
  detail: z.string().nullable(),
});
export type Gap = z.infer<typeof gapSchema>;

export const timeRangeQuery = z
  .object({ from: timestamp, to: timestamp })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), 'from must be before to');

/** Bus events of the recorder; subscribers validate with these. */
export const segmentClosedEvent = segmentSchema.extend({ path: z.string() });
export const gapOpenedEvent = z.object({
  cameraId: z.uuid(),
  gapId: z.string(),
  from: timestamp,
  cause: gapCauseSchema,
});
export const gapClosedEvent = gapOpenedEvent.extend({ to: timestamp });
export const storageLowEvent = z.object({
  freeBytes: z.number(),
  floorBytes: z.number(),
  deletedSegments: z.number().int(),
  /** Footage younger than the 30-day minimum had to go to keep recording. */
  deletedBelowMinimum: z.boolean(),
});

export const recordingSubjects = {
  segmentClosed: 'recording.segment.closed',
  gapOpened: 'recording.gap.opened',
  gapClosed: 'recording.gap.closed',
  storageLow: 'recording.storage.low',
} as const;

export const recordingRoutes = {
  segments: defineRoute({
    method: 'GET',
    path: '/api/cameras/:id/segments',
    summary: 'Indexed segments of a camera in a time range',
    tags: ['recording'],
    params: idParams,
    query: timeRangeQuery,
    response: z.object({ items: z.array(segmentSchema) }),
  }),
  gaps: defineRoute({
    method: 'GET',
    path: '/api/cameras/:id/gaps',
    summary: 'Gaps in the record of a camera in a time range, each with its cause',
    tags: ['recording'],
    params: idParams,
    query: timeRangeQuery,
    response: z.object({ items: z.array(gapSchema) }),
  }),
};
