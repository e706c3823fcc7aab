import type { Result } from './errors.ts';
import type { FaceDetector } from './face-enrolment.ts';
import type { Frame } from './frame.ts';
import type { TrackedPerson } from './people-analyser.ts';
import { centre } from './geometry.ts';
import type { Box, FaceDetection } from './types.ts';

/** An adult must be this sure an adult before any face model looks at them. */
export const MIN_ADULT_CONFIDENCE = 0.5;

export interface AdultFace {
  trackId: number;
  face: FaceDetection;
}

/** The head end of a person box: its top 45%, widened a little for turned heads. */
function headRegion(box: Box): Box {
  const margin = box.width * 0.1;
  return {
    x: box.x - margin,
    y: box.y - box.height * 0.05,
    width: box.width + 2 * margin,
    height: box.height * 0.45,
  };
}

function inside(point: { x: number; y: number }, box: Box): boolean {
  return (
    point.x >= box.x &&
    point.x <= box.x + box.width &&
    point.y >= box.y &&
    point.y <= box.y + box.height
  );
}

/**
 * Faces of adults only. The adult-or-child gate comes first: only the head regions of tracks
 * confidently estimated as adults are cropped and sent to face detection and description, so
 * a child's face (or a face of anyone not yet known to be an adult) never reaches the
 * descriptor. Where another person's head region overlaps an adult's, those pixels are painted
 * flat gray first, so a child's face next to an adult's head is not described either.
 */
export async function describeAdultFaces(
  detector: FaceDetector,
  frame: Frame,
  people: readonly TrackedPerson[],
): Promise<Result<AdultFace[]>> {
  const adults = people.filter(
    (p) => p.age.ageClass === 'adult' && p.age.confidence >= MIN_ADULT_CONFIDENCE,
  );
  if (adults.length === 0) return { ok: true, value: [] };

  const others = people.filter((p) => !adults.includes(p)).map((p) => headRegion(p.box));
  const masked = others.length > 0 ? maskRegions(frame, others) : frame;
  const faces: AdultFace[] = [];
  for (const adult of adults) {
    const region = headRegion(adult.box);
    const found = await detector.detectFaces(masked, { describe: true, regions: [region] });
    if (!found.ok) return found;
    for (const face of found.value) {
      if (inside(centre(face.box), region)) faces.push({ trackId: adult.trackId, face });
    }
  }
  return { ok: true, value: faces };
}

/** A copy of the frame with the given boxes painted mid-gray. */
export function maskRegions(frame: Frame, boxes: readonly Box[]): Frame {
  const data = new Uint8Array(frame.data);
  for (const box of boxes) {
    const x0 = Math.max(0, Math.floor(box.x));
    const x1 = Math.min(frame.width, Math.ceil(box.x + box.width));
    const y0 = Math.max(0, Math.floor(box.y));
    const y1 = Math.min(frame.height, Math.ceil(box.y + box.height));
    if (x1 <= x0) continue;
    for (let y = y0; y < y1; y++)
      data.fill(128, (y * frame.width + x0) * 3, (y * frame.width + x1) * 3);
  }
  return { ...frame, data };
}
