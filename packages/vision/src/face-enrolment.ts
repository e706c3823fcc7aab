import { VisionError, fail, ok, type Result } from './errors.ts';
import type { Frame } from './frame.ts';
import type { Box, FaceDetection } from './types.ts';

/** Anything that finds and describes faces: the inference pool, or an engine wrapped alike. */
export interface FaceDetector {
  detectFaces(
    frame: Frame,
    options: { describe: boolean; regions?: Box[] },
  ): Promise<Result<FaceDetection[]>>;
}

export interface EnrolmentOptions {
  minPhotos: number;
  /** Shorter side of the face box, in pixels of the photo as given. */
  minFacePx: number;
  /** Detector confidence a face must reach to be enrolled. */
  minScore: number;
}

export const DEFAULT_ENROLMENT_OPTIONS: EnrolmentOptions = {
  minPhotos: 3,
  minFacePx: 64,
  minScore: 0.7,
};

/** Faces smaller than this fraction of the enrolled face are ignored as background. */
const BACKGROUND_FACE_RATIO = 0.35;

function refuse(code: VisionError['code'], index: number, message: string): Result<number[][]> {
  return fail(
    new VisionError(code, `Photo ${index + 1}: ${message}`, { field: `photos[${index}]` }),
  );
}

/**
 * Descriptors for enrolling one adult from several photos. Every photo must show exactly one
 * clear face, large enough and confidently detected; otherwise enrolment is refused with the
 * photo and the reason. Enrolment is for staff and the restricted list, so only adults' photos
 * are expected here.
 */
export async function enrolFromPhotos(
  detector: FaceDetector,
  photos: readonly Frame[],
  options: Partial<EnrolmentOptions> = {},
): Promise<Result<number[][]>> {
  const settings = { ...DEFAULT_ENROLMENT_OPTIONS, ...options };
  if (photos.length < settings.minPhotos) {
    const message = `Enrolment needs at least ${settings.minPhotos} photos, got ${photos.length}`;
    return fail(new VisionError('VISION_ENROL_TOO_FEW_PHOTOS', message, { field: 'photos' }));
  }

  const embeddings: number[][] = [];
  for (const [index, photo] of photos.entries()) {
    const detected = await detector.detectFaces(photo, { describe: true });
    if (!detected.ok) return fail(detected.error);
    const checked = checkPhoto(detected.value, index, settings);
    if (!checked.ok) return checked;
    embeddings.push(...checked.value);
  }
  return ok(embeddings);
}

function checkPhoto(
  faces: FaceDetection[],
  index: number,
  settings: EnrolmentOptions,
): Result<number[][]> {
  const largest = Math.max(0, ...faces.map((f) => Math.min(f.box.width, f.box.height)));
  const counted = faces.filter(
    (f) => Math.min(f.box.width, f.box.height) >= largest * BACKGROUND_FACE_RATIO,
  );
  if (counted.length === 0) return refuse('VISION_ENROL_NO_FACE', index, 'no face found');
  if (counted.length > 1) {
    return refuse(
      'VISION_ENROL_SEVERAL_FACES',
      index,
      `${counted.length} faces found, exactly one is needed`,
    );
  }

  const face = counted[0]!;
  if (largest < settings.minFacePx) {
    const message = `face is ${Math.round(largest)} px, at least ${settings.minFacePx} px are needed`;
    return refuse('VISION_ENROL_FACE_TOO_SMALL', index, message);
  }
  if (face.score < settings.minScore || !face.embedding) {
    const message = `face not clear enough (detector confidence ${face.score.toFixed(2)}, at least ${settings.minScore} needed)`;
    return refuse('VISION_ENROL_FACE_UNCLEAR', index, message);
  }
  return ok([face.embedding]);
}
