import {
  MIN_KEYPOINT_SCORE,
  type Box,
  type FaceDetection,
  type InferencePool,
  type PersonDetection,
} from '@gardenwatch/vision';
import { coveredBy } from './face-tracks.ts';
import type { FaceFinder } from './redactor.ts';

/** Nose, eyes and ears: the first five keypoints. */
const HEAD_POINTS = [0, 1, 2, 3, 4];

/**
 * A person's head: around the nose, eyes and ears when the pose found at least two of them,
 * else the top of the person's box. Faces too small or turned for the face detector still
 * have a head here, so they are masked too.
 */
export function headBox(person: PersonDetection): Box {
  const points = HEAD_POINTS.map((i) => person.pose[i]).filter(
    (p): p is NonNullable<typeof p> => p !== undefined && p.score >= MIN_KEYPOINT_SCORE,
  );
  const { box } = person;
  if (points.length >= 2) {
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const size = Math.max(span * 2.2, box.width * 0.25);
    const cx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const cy = ys.reduce((a, b) => a + b, 0) / ys.length;
    return { x: cx - size / 2, y: cy - size * 0.6, width: size, height: size * 1.2 };
  }
  const width = box.width * 0.6;
  return {
    x: box.x + box.width * 0.2,
    y: box.y,
    width,
    height: Math.min(box.height * 0.3, width * 1.3),
  };
}

/** Heads of the people found, plus faces outside every head (a face with no body seen). */
export function mergeHeadsAndFaces(people: PersonDetection[], faces: FaceDetection[]): Box[] {
  const heads = people.map(headBox);
  const lone = faces.map((f) => f.box).filter((face) => !coveredBy(face, heads, 0.5));
  return [...heads, ...lone];
}

/** What the redaction masks: heads and faces. */
export function headAndFaceFinder(pool: InferencePool): FaceFinder {
  return async (frame) => {
    const [faces, people] = await Promise.all([
      pool.detectFaces(frame, { describe: false }),
      pool.detectPeople(frame),
    ]);
    if (!faces.ok) throw faces.error;
    if (!people.ok) throw people.error;
    return mergeHeadsAndFaces(people.value, faces.value);
  };
}

/** What the check looks for in the output: faces the face detector can still find. */
export function faceFinder(pool: InferencePool): FaceFinder {
  return async (frame) => {
    const found = await pool.detectFaces(frame, { describe: false });
    if (!found.ok) throw found.error;
    return found.value.map((f) => f.box);
  };
}
