import { z } from 'zod';
import { alertKindSchema, alertSeveritySchema } from './alerts.ts';
import { gapSchema } from './recording.ts';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** Sub stream in grids, main stream full screen. */
export const streamKinds = ['main', 'sub'] as const;
export const streamKindSchema = z.enum(streamKinds);
export type StreamKindName = z.infer<typeof streamKindSchema>;

/**
 * Live view is a WebSocket: text frames are JSON messages (below), binary frames are the init
 * segment (right after an `init` message) and fragmented MP4 fragments for Media Source
 * Extensions. A refused upgrade answers with the usual error body.
 */
export const livePath = '/api/cameras/:id/live';
export const liveQuery = z.object({ stream: streamKindSchema.default('sub') });
export const liveMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), mime: z.string() }),
  z.object({ type: z.literal('state'), state: z.enum(['reconnecting', 'unsupported_codec']) }),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;

/** The longest range one playlist covers (the console asks day by day). */
export const MAX_PLAYLIST_HOURS = 24;
/** The longest range one export covers. */
export const MAX_EXPORT_HOURS = 2;

export const rangeQuery = z
  .object({ from: timestamp, to: timestamp })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_PLAYLIST_HOURS * 3_600_000, {
    message: `the range may span at most ${MAX_PLAYLIST_HOURS} hours`,
    path: ['to'],
  });

export const spanSchema = z.object({ from: timestamp, to: timestamp });
export type Span = z.infer<typeof spanSchema>;

export const holdViewSchema = z.object({
  id: z.uuid(),
  from: timestamp,
  to: timestamp,
  reason: z.string(),
  owner: z.string(),
});

/** An alert as a mark on the timeline: where it happened and how far it has been dealt with. */
export const timelineAlertSchema = z.object({
  id: z.uuid(),
  at: timestamp,
  kind: alertKindSchema,
  severity: alertSeveritySchema,
  state: z.enum(['new', 'acknowledged', 'resolved', 'false_alarm']),
});
export type TimelineAlert = z.infer<typeof timelineAlertSchema>;

export const timelineSchema = z.object({
  cameraId: z.uuid(),
  from: timestamp,
  to: timestamp,
  /** Everything kept for this camera, or null when nothing is. */
  available: spanSchema.nullable(),
  /** Recorded footage, adjacent segments merged. */
  spans: z.array(spanSchema),
  gaps: z.array(gapSchema),
  holds: z.array(holdViewSchema),
  alerts: z.array(timelineAlertSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;

/** The timelines of every camera of one area over the same range, for synchronised playback. */
export const areaTimelineSchema = z.object({
  areaId: z.uuid(),
  name: z.string(),
  from: timestamp,
  to: timestamp,
  cameras: z.array(timelineSchema.extend({ name: z.string() })),
});
export type AreaTimeline = z.infer<typeof areaTimelineSchema>;

/** HLS playlist (MPEG-TS segments from the segment index) of a range, for hls.js. */
export const playlistPath = '/api/cameras/:id/playback.m3u8';
/** One indexed segment's file, as the playlist names it. */
export const segmentMediaPath = '/api/cameras/:id/segments/:segmentId/media.ts';
export const segmentMediaParams = z.object({
  id: z.uuid(),
  segmentId: z.string().regex(/^\d{1,18}$/, 'must be a segment number'),
});

/** A JPEG of a camera: live when `at` is absent, recorded footage at `at` otherwise. */
export const snapshotPath = '/api/cameras/:id/snapshot.jpg';
export const snapshotQuery = z.object({ at: timestamp.optional() });

export const exportCreateSchema = z
  .object({
    cameraIds: z.array(z.uuid()).min(1).max(16),
    from: timestamp,
    to: timestamp,
    reason: z.string().trim().min(4).max(500),
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_EXPORT_HOURS * 3_600_000, {
    message: `an export may span at most ${MAX_EXPORT_HOURS} hours`,
    path: ['to'],
  })
  .refine((q) => new Set(q.cameraIds).size === q.cameraIds.length, {
    message: 'each camera once',
    path: ['cameraIds'],
  });
export type ExportCreate = z.infer<typeof exportCreateSchema>;

export const manifestFileSchema = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/),
  cameraId: z.uuid(),
  from: timestamp,
  to: timestamp,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** What an export proves: signed by the server over its canonical JSON without `signature`. */
export const exportManifestSchema = z.object({
  version: z.literal(1),
  exportId: z.uuid(),
  createdAt: timestamp,
  exportedBy: z.object({ id: z.uuid(), username: z.string(), role: z.string() }),
  reason: z.string(),
  range: spanSchema,
  cameras: z.array(
    z.object({ id: z.uuid(), name: z.string(), kindergartenId: z.uuid(), areaKind: z.string() }),
  ),
  files: z.array(manifestFileSchema),
  gaps: z.array(
    z.object({ cameraId: z.uuid(), from: timestamp, to: timestamp, cause: z.string().nullable() }),
  ),
  signature: z.object({
    algorithm: z.literal('Ed25519'),
    /** SPKI DER of the server's manifest key, base64. */
    publicKey: z.string(),
    value: z.string(),
  }),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;

export const exportSchema = z.object({
  id: z.uuid(),
  createdAt: timestamp,
  manifest: exportManifestSchema,
});
export type VideoExport = z.infer<typeof exportSchema>;

export const exportFilePath = '/api/exports/:id/files/:name';
export const exportFileParams = z.object({
  id: z.uuid(),
  name: z.string().regex(/^[A-Za-z0-9._-]{1,120}$/, 'must be a file name of the export'),
});

export const watchRoutes = {
  timeline: defineRoute({
    method: 'GET',
    path: '/api/cameras/:id/timeline',
    summary: 'Recorded spans, gaps with causes and holds of a camera in a range',
    tags: ['playback'],
    params: idParams,
    query: rangeQuery,
    response: timelineSchema,
  }),
  areaTimeline: defineRoute({
    method: 'GET',
    path: '/api/areas/:id/timeline',
    summary: 'The timelines of every camera of an area, for playing them in sync',
    tags: ['playback'],
    params: idParams,
    query: rangeQuery,
    response: areaTimelineSchema,
  }),
  createExport: defineRoute({
    method: 'POST',
    path: '/api/exports',
    summary: 'Export a range of one or several cameras, stream-copied, with a signed manifest',
    tags: ['export'],
    body: exportCreateSchema,
    response: exportSchema,
    status: 201,
  }),
  getExport: defineRoute({
    method: 'GET',
    path: '/api/exports/:id',
    summary: 'An export and its manifest',
    tags: ['export'],
    params: idParams,
    response: exportSchema,
  }),
};
