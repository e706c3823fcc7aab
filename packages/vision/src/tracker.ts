import { centre, distance, iou } from './geometry.ts';
import type { Box, PersonDetection, Pose } from './types.ts';

export interface TrackerOptions {
  /** Minimum box overlap for a detection to continue a track. */
  minIou: number;
  /** Without overlap, centres closer than this many box heights still match (fast motion). */
  maxCentreShift: number;
  /** A track not seen for this long is closed. */
  maxMissedMs: number;
  /** History kept per track, for the behaviour rules. */
  historyMs: number;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  minIou: 0.2,
  maxCentreShift: 0.6,
  maxMissedMs: 2000,
  historyMs: 15_000,
};

export interface TrackSample {
  timestampMs: number;
  box: Box;
  pose: Pose;
  score: number;
}

export interface Track {
  id: number;
  firstSeenMs: number;
  lastSeenMs: number;
  /** Oldest first; the last sample is the current one. */
  history: TrackSample[];
}

export function latest(track: Track): TrackSample {
  const sample = track.history.at(-1);
  if (!sample) throw new TypeError('a track always has a sample');
  return sample;
}

/**
 * Where the track's box should be now, moving on at the velocity between its last two samples
 * (at most one second ahead), so that two people walking past each other keep their ids.
 */
function predictBox(track: Track, timestampMs: number): Box {
  const last = latest(track);
  const before = track.history.at(-2);
  if (!before || last.timestampMs <= before.timestampMs) return last.box;
  const dt =
    Math.min(1000, timestampMs - last.timestampMs) / (last.timestampMs - before.timestampMs);
  const dx = (last.box.x - before.box.x) * dt;
  const dy = (last.box.y - before.box.y) * dt;
  return { ...last.box, x: last.box.x + dx, y: last.box.y + dy };
}

/**
 * Keeps each person's identity across frames: detections are matched to open tracks greedily
 * by overlap with the predicted box (highest IoU first), then by centre distance relative to box height for people
 * who moved more than their own width between two analysed frames.
 */
export class PersonTracker {
  private readonly tracks: Track[] = [];
  private nextId = 1;
  private readonly options: TrackerOptions;

  constructor(options: Partial<TrackerOptions> = {}) {
    this.options = { ...DEFAULT_TRACKER_OPTIONS, ...options };
  }

  /** Adds one analysed frame; returns the tracks seen in it. */
  update(detections: readonly PersonDetection[], timestampMs: number): Track[] {
    this.closeStale(timestampMs);
    const pairs = this.candidatePairs(detections, timestampMs);
    const usedTracks = new Set<Track>();
    const usedDetections = new Set<number>();
    const seen: Track[] = [];
    for (const { track, index } of pairs) {
      if (usedTracks.has(track) || usedDetections.has(index)) continue;
      usedTracks.add(track);
      usedDetections.add(index);
      this.append(track, detections[index]!, timestampMs);
      seen.push(track);
    }

    detections.forEach((detection, index) => {
      if (usedDetections.has(index)) return;
      const track: Track = {
        id: this.nextId++,
        firstSeenMs: timestampMs,
        lastSeenMs: timestampMs,
        history: [],
      };
      this.append(track, detection, timestampMs);
      this.tracks.push(track);
      seen.push(track);
    });
    return seen.sort((a, b) => a.id - b.id);
  }

  /** Tracks still open (seen within `maxMissedMs` of the last update). */
  get open(): readonly Track[] {
    return this.tracks;
  }

  private candidatePairs(
    detections: readonly PersonDetection[],
    timestampMs: number,
  ): { track: Track; index: number }[] {
    const pairs: { track: Track; index: number; cost: number }[] = [];
    for (const track of this.tracks) {
      const last = predictBox(track, timestampMs);
      detections.forEach((detection, index) => {
        const overlap = iou(last, detection.box);
        const shift = distance(centre(last), centre(detection.box)) / Math.max(1, last.height);
        if (overlap >= this.options.minIou) pairs.push({ track, index, cost: 1 - overlap });
        else if (shift <= this.options.maxCentreShift)
          pairs.push({ track, index, cost: 1 + shift });
      });
    }
    return pairs.sort((a, b) => a.cost - b.cost);
  }

  private append(track: Track, detection: PersonDetection, timestampMs: number): void {
    track.lastSeenMs = timestampMs;
    track.history.push({
      timestampMs,
      box: detection.box,
      pose: detection.pose,
      score: detection.score,
    });
    const from = timestampMs - this.options.historyMs;
    while (track.history.length > 1 && track.history[0]!.timestampMs < from) track.history.shift();
  }

  private closeStale(timestampMs: number): void {
    for (let i = this.tracks.length - 1; i >= 0; i--) {
      if (timestampMs - this.tracks[i]!.lastSeenMs > this.options.maxMissedMs)
        this.tracks.splice(i, 1);
    }
  }
}
