import { z } from 'zod';
import { defineRoute, idParams } from './route.ts';

const timestamp = z.iso.datetime({ offset: true });

/** Days a released clip stays viewable unless the reviewer says otherwise. */
export const DEFAULT_RELEASE_DAYS = 7;
/** Days footage stays held after a request closes, for an appeal. */
export const APPEAL_DAYS = 30;

const boxSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

/** A face followed through the clip: its boxes on the searched frames. */
export const faceTrackSchema = z.object({
  id: z.number().int().positive(),
  samples: z.array(z.object({ frame: z.number().int().nonnegative(), box: boxSchema })),
});

export const faceCheckSchema = z.object({
  framesChecked: z.number().int().nonnegative(),
  facesFound: z.number().int().nonnegative(),
  facesOutsideUnmasked: z.number().int().nonnegative(),
  rounds: z.number().int().positive(),
});

export const redactionItemSchema = z.object({
  id: z.uuid(),
  cameraId: z.uuid(),
  from: timestamp,
  to: timestamp,
  status: z.enum(['detecting', 'ready', 'rendering', 'done', 'failed']),
  /** 0–1 of the current step. */
  progress: z.number().min(0).max(1),
  video: z
    .object({ width: z.number(), height: z.number(), fps: z.number(), frames: z.number() })
    .nullable(),
  tracks: z.array(faceTrackSchema),
  unmasked: z.array(z.number().int().positive()),
  faceCheck: faceCheckSchema.nullable(),
  error: z.string().nullable(),
});
export type RedactionItem = z.infer<typeof redactionItemSchema>;

export const releaseSchema = z.object({
  requestId: z.uuid(),
  allowDownload: z.boolean(),
  expiresAt: timestamp,
  revokedAt: timestamp.nullable(),
  /** Viewable now: rendered, checked, not expired, not revoked. */
  viewable: z.boolean(),
  items: z.array(redactionItemSchema.omit({ tracks: true })),
});
export type Release = z.infer<typeof releaseSchema>;

const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const t = ['footage-requests'];

/** The reviewer's original of one item (audited), and the applicant's released clip. */
export const redactionSourcePath = '/api/footage-requests/:id/redaction/:itemId/source.mp4';
export const releaseVideoPath = '/api/footage-requests/:id/release/:itemId/video.mp4';
export const releaseVideoQuery = z.object({ download: z.enum(['1']).optional() });

export const footageReleaseRoutes = {
  startRedaction: defineRoute({
    method: 'POST',
    path: '/api/footage-requests/:id/redaction',
    summary: 'Find and track every face in the window (background job)',
    tags: t,
    params: idParams,
    response: z.object({ items: z.array(redactionItemSchema) }),
    status: 201,
  }),
  redaction: defineRoute({
    method: 'GET',
    path: '/api/footage-requests/:id/redaction',
    summary: 'The redaction items of a request with their tracks and progress (reviewer)',
    tags: t,
    params: idParams,
    response: z.object({ items: z.array(redactionItemSchema) }),
  }),
  setUnmasked: defineRoute({
    method: 'PUT',
    path: '/api/footage-requests/:id/redaction/:itemId/unmasked',
    summary: 'Choose the tracks shown unblurred (the child, the staff involved)',
    tags: t,
    params: itemParams,
    body: z.object({ trackIds: z.array(z.number().int().positive()).max(200) }),
    response: redactionItemSchema,
  }),
  release: defineRoute({
    method: 'GET',
    path: '/api/footage-requests/:id/release',
    summary: 'The release of a request: expiry, download permission, checked clips',
    tags: t,
    params: idParams,
    response: releaseSchema,
  }),
  revoke: defineRoute({
    method: 'POST',
    path: '/api/footage-requests/:id/release/revoke',
    summary: 'Revoke the release at once (audited)',
    tags: t,
    params: idParams,
    response: releaseSchema,
  }),
};
