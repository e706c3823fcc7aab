import { z } from 'zod';

export const cameraConfigSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only'),
  /** Path of an MP4 (H.264) clip, looped forever. */
  clip: z.string().min(1),
  username: z.string().min(1).default('admin'),
  password: z.string().min(1).default('camsim'),
});
export type CameraConfig = z.input<typeof cameraConfigSchema>;

const port = z.number().int().min(0).max(65535);

export const camsimOptionsSchema = z.object({
  cameras: z.array(cameraConfigSchema).min(1),
  host: z.string().default('127.0.0.1'),
  /** RTSP port shared by all cameras; 0 picks a free one. */
  port: port.default(0),
  /**
   * Also give each camera its own RTSP port, where disconnect and reboot close the listener so
   * that clients get "connection refused". Ports follow `port` (port + 1 + index), or are free
   * ones when `port` is 0.
   */
  dedicatedPorts: z.boolean().default(false),
  auth: z.enum(['digest', 'basic', 'any', 'none']).default('any'),
  realm: z.string().default('camsim'),
  ffmpegPath: z.string().default('ffmpeg'),
  /** Wall clock drawn into frames: readable text, the machine-readable block code, or both. */
  overlay: z.enum(['none', 'text', 'code', 'both']).default('none'),
  /**
   * `always` re-encodes with libx264 (no B-frames). `auto` sends the clip's own H.264 when no
   * filter is needed, which saves CPU but suits only clips without B-frames: RTP carries no
   * decode timestamps, and ffmpeg cannot stream-copy reordered frames it cannot time.
   */
  transcode: z.enum(['auto', 'always']).default('always'),
  subWidth: z.number().int().min(64).max(1920).default(640),
  keyframeSeconds: z.number().min(0.5).max(4).default(1),
  /** How long a stream's ffmpeg keeps running with no client. */
  idleStopMs: z.number().int().min(0).default(5000),
  /** HTTP JSON control API; off when undefined, 0 picks a free port. */
  controlPort: port.optional(),
  /** ONVIF responder (HTTP SOAP); off when undefined, 0 picks a free port. */
  onvifPort: port.optional(),
});
export type CamsimOptions = z.input<typeof camsimOptionsSchema>;
export type ResolvedCamsimOptions = z.output<typeof camsimOptionsSchema>;

export type CamsimEvent =
  | { type: 'camera.fault.injected'; cameraId: string; fault: string }
  | { type: 'camera.fault.cleared'; cameraId: string }
  | { type: 'camera.ffmpeg.error'; cameraId: string; stream: string; message: string };
