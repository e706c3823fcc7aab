import { z } from 'zod';
import { VisionError, fail, ok, type Result } from './errors.ts';

export const MAX_FRAME_SIDE = 4096;

/** One decoded picture: packed 8-bit RGB, row-major, no padding, with its capture time. */
export const frameSchema = z
  .object({
    width: z.number().int().min(16).max(MAX_FRAME_SIDE),
    height: z.number().int().min(16).max(MAX_FRAME_SIDE),
    timestampMs: z.number().finite().nonnegative(),
    data: z.instanceof(Uint8Array),
  })
  .superRefine((frame, ctx) => {
    const expected = frame.width * frame.height * 3;
    if (frame.data.byteLength !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['data'],
        message: `expected ${expected} bytes of RGB for ${frame.width}x${frame.height}, got ${frame.data.byteLength}`,
      });
    }
  });

export type Frame = z.infer<typeof frameSchema>;

/** Validates an untrusted frame; a corrupt one comes back as an error naming the field. */
export function parseFrame(input: unknown): Result<Frame> {
  const parsed = frameSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);

  const first = parsed.error.issues[0];
  const field = first?.path.join('.') || 'frame';
  const message = `Invalid frame: ${field}: ${first?.message ?? 'not a frame'}`;
  return fail(new VisionError('VISION_FRAME_INVALID', message, { field }));
}
