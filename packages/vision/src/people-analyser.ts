import { apparentHeight, type CameraGeometry } from './camera-height.ts';
import { midpoint } from './geometry.ts';
import {
  combineEstimates,
  estimateFromHeight,
  estimateFromProportions,
  type AgeEstimate,
} from './stature.ts';
import { PersonTracker, latest, type Track, type TrackerOptions } from './tracker.ts';
import type { Box, PersonDetection, Pose } from './types.ts';

export interface TrackedPerson {
  trackId: number;
  box: Box;
  pose: Pose;
  age: AgeEstimate;
  /** Apparent stature in metres when the camera geometry is known and the person stands. */
  heightM?: number;
}

/** Per-frame age estimates kept per track; older looks are dropped. */
const ESTIMATES_PER_TRACK = 30;

/** Torso within this many degrees of vertical counts as standing for the height estimate. */
const UPRIGHT_DEG = 20;

function isUpright(pose: Pose): boolean {
  const shoulders = midpoint(pose, 'leftShoulder', 'rightShoulder');
  const hips = midpoint(pose, 'leftHip', 'rightHip');
  const ankles = midpoint(pose, 'leftAnkle', 'rightAnkle');
  if (!shoulders || !hips || !ankles) return false;
  const lean = (Math.atan2(Math.abs(shoulders.x - hips.x), hips.y - shoulders.y) * 180) / Math.PI;
  return lean < UPRIGHT_DEG && ankles.y > hips.y;
}

/**
 * Tracks people on one camera and keeps an adult-or-child estimate per track, from body
 * proportions on every look and, when the camera is calibrated, from apparent height.
 */
export class PeopleAnalyser {
  private readonly tracker: PersonTracker;
  private readonly estimates = new Map<number, AgeEstimate[]>();

  constructor(
    private readonly options: { camera?: CameraGeometry; tracker?: Partial<TrackerOptions> } = {},
  ) {
    this.tracker = new PersonTracker(options.tracker);
  }

  update(detections: readonly PersonDetection[], timestampMs: number): TrackedPerson[] {
    const tracks = this.tracker.update(detections, timestampMs);
    this.forgetClosed();
    return tracks.map((track) => this.describe(track));
  }

  get tracks(): readonly Track[] {
    return this.tracker.open;
  }

  private describe(track: Track): TrackedPerson {
    const { box, pose } = latest(track);
    const looks = this.estimates.get(track.id) ?? [];
    looks.push(estimateFromProportions(pose));
    const heightM = this.heightOf(box, pose);
    if (heightM !== undefined) looks.push(estimateFromHeight(heightM));
    if (looks.length > ESTIMATES_PER_TRACK) looks.splice(0, looks.length - ESTIMATES_PER_TRACK);
    this.estimates.set(track.id, looks);
    const person: TrackedPerson = { trackId: track.id, box, pose, age: combineEstimates(looks) };
    return heightM === undefined ? person : { ...person, heightM };
  }

  private heightOf(box: Box, pose: Pose): number | undefined {
    const camera = this.options.camera;
    const feet = midpoint(pose, 'leftAnkle', 'rightAnkle');
    if (!camera || !feet || !isUpright(pose)) return undefined;
    return apparentHeight(camera, feet, { x: feet.x, y: box.y });
  }

  private forgetClosed(): void {
    const open = new Set(this.tracker.open.map((t) => t.id));
    for (const id of this.estimates.keys()) if (!open.has(id)) this.estimates.delete(id);
  }
}
