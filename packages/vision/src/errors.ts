export type VisionErrorCode =
  | 'VISION_MODEL_MISSING'
  | 'VISION_MODEL_TRUNCATED'
  | 'VISION_MODEL_INVALID'
  | 'VISION_BACKEND_FAILED'
  | 'VISION_FRAME_INVALID'
  | 'VISION_WORKER_FAILED'
  | 'VISION_POOL_CLOSED'
  | 'VISION_ENROL_TOO_FEW_PHOTOS'
  | 'VISION_ENROL_NO_FACE'
  | 'VISION_ENROL_SEVERAL_FACES'
  | 'VISION_ENROL_FACE_TOO_SMALL'
  | 'VISION_ENROL_FACE_UNCLEAR';

/**
 * The one error type of the vision library. `field` names the offending input (a frame field,
 * a model file, a photo index) so that a caller can show it; the message is safe to show.
 */
export class VisionError extends Error {
  readonly code: VisionErrorCode;
  readonly field: string | undefined;

  constructor(
    code: VisionErrorCode,
    message: string,
    options: { field?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'VisionError';
    this.code = code;
    this.field = options.field;
  }
}

/** Expected failures are returned, not thrown. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: VisionError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(error: VisionError): Result<T> {
  return { ok: false, error };
}
