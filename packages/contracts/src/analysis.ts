import { z } from 'zod';
import { defineRoute } from './route.ts';

export const cameraAttentionSchema = z.object({
  cameraId: z.uuid(),
  /** The base rate, or the burst rate while people are within reach or moving violently. */
  wantedFps: z.number(),
  /** What the CPU budget allows it now. */
  grantedFps: z.number(),
  /** Frames analysed over the last 10 s, per second. */
  analysedFps: z.number(),
  costMs: z.number(),
  bursting: z.boolean(),
  /** Why the camera yields no analysis: too dark, corrupt frames, stream down. */
  note: z.enum(['too_dark', 'invalid_frames', 'stream_down']).nullable(),
});

export const analysisStatusSchema = z.object({
  enabled: z.boolean(),
  cpuCores: z.number(),
  cameras: z.array(cameraAttentionSchema),
  /** Cameras analysed less often than configured. */
  shortfall: z.array(z.uuid()),
});
export type AnalysisStatusView = z.infer<typeof analysisStatusSchema>;

export const analysisRoutes = {
  status: defineRoute({
    method: 'GET',
    path: '/api/analysis/status',
    summary: 'Analysed cameras the caller may see: rates wanted and granted, notes, shortfall',
    tags: ['analysis'],
    response: analysisStatusSchema,
  }),
};
