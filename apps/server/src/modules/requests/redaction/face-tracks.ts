import { iou, type Box } from '@gardenwatch/vision';

/** Faces found on one sampled frame, in output pixels. */
export interface SampledFaces {
  frame: number;
  boxes: Box[];
}

export interface FaceTrack {
  id: number;
  samples: { frame: number; box: Box }[];
}

export interface TrackOptions {
  /** A track ends when it has not been seen on this many sampled frames in a row. */
  maxMissedSamples: number;
  minIou: number;
}

export const DEFAULT_TRACK_OPTIONS: TrackOptions = { maxMissedSamples: 3, minIou: 0.1 };

const centreDistance = (a: Box, b: Box): number =>
  Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);

/**
 * Joins the faces of sampled frames into tracks: each face goes to the live track whose last
 * box overlaps it most, or lies within one face width of it; otherwise it starts a track.
 */
export function buildTracks(
  sampled: SampledFaces[],
  options: TrackOptions = DEFAULT_TRACK_OPTIONS,
): FaceTrack[] {
  const tracks: (FaceTrack & { missed: number })[] = [];
  let nextId = 1;
  for (const { frame, boxes } of [...sampled].sort((a, b) => a.frame - b.frame)) {
    const live = tracks.filter((t) => t.missed <= options.maxMissedSamples);
    const taken = new Set<number>();
    for (const box of [...boxes].sort((a, b) => b.width * b.height - a.width * a.height)) {
      const match = bestMatch(live, box, taken, options.minIou);
      if (match) {
        match.samples.push({ frame, box });
        taken.add(match.id);
        continue;
      }
      const track = { id: nextId++, samples: [{ frame, box }], missed: 0 };
      tracks.push(track);
      taken.add(track.id);
    }
    for (const track of live) track.missed = taken.has(track.id) ? 0 : track.missed + 1;
  }
  return tracks.map(({ id, samples }) => ({ id, samples }));
}

function bestMatch(
  live: FaceTrack[],
  box: Box,
  taken: Set<number>,
  minIou: number,
): FaceTrack | undefined {
  let best: { track: FaceTrack; score: number } | undefined;
  for (const track of live) {
    if (taken.has(track.id)) continue;
    const last = track.samples.at(-1)!.box;
    const overlap = iou(last, box);
    const near = centreDistance(last, box) < Math.max(last.width, box.width);
    const score = overlap >= minIou ? overlap + 1 : near ? 1 - centreDistance(last, box) / 1e4 : 0;
    if (score > 0 && (!best || score > best.score)) best = { track, score };
  }
  return best?.track;
}

export interface MaskOptions {
  frameCount: number;
  /** Frames between samples: a track's box is held this long before and after it was seen. */
  stride: number;
  /** Each box grows by this share of its size on every side. */
  grow: number;
  width: number;
  height: number;
}

/**
 * The boxes to hide on every frame: each masked track's boxes, interpolated between its
 * samples, held for one stride before its first and after its last, and enlarged.
 */
export function maskSchedule(tracks: FaceTrack[], options: MaskOptions): Box[][] {
  const frames: Box[][] = Array.from({ length: options.frameCount }, () => []);
  const put = (frame: number, box: Box) => {
    if (frame >= 0 && frame < options.frameCount) frames[frame]!.push(enlarge(box, options));
  };
  for (const track of tracks) {
    const { samples } = track;
    const first = samples[0]!;
    const last = samples.at(-1)!;
    for (let f = first.frame - options.stride; f < first.frame; f++) put(f, first.box);
    for (let i = 0; i < samples.length; i++) {
      const a = samples[i]!;
      const b = samples[i + 1];
      put(a.frame, a.box);
      if (!b) break;
      for (let f = a.frame + 1; f < b.frame; f++)
        put(f, lerp(a.box, b.box, (f - a.frame) / (b.frame - a.frame)));
    }
    for (let f = last.frame + 1; f <= last.frame + options.stride; f++) put(f, last.box);
  }
  return frames;
}

const lerp = (a: Box, b: Box, t: number): Box => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
  width: a.width + (b.width - a.width) * t,
  height: a.height + (b.height - a.height) * t,
});

function enlarge(box: Box, options: MaskOptions): Box {
  const dx = box.width * options.grow;
  const dy = box.height * options.grow;
  const x = Math.max(0, Math.floor(box.x - dx));
  const y = Math.max(0, Math.floor(box.y - dy));
  return {
    x,
    y,
    width: Math.min(options.width, Math.ceil(box.x + box.width + dx)) - x,
    height: Math.min(options.height, Math.ceil(box.y + box.height + dy)) - y,
  };
}

/** Does any part of `box` lie inside one of the `boxes`, by at least `share` of its area? */
export function coveredBy(box: Box, boxes: Box[], share = 0.5): boolean {
  const area = box.width * box.height;
  return boxes.some((b) => {
    const w = Math.min(box.x + box.width, b.x + b.width) - Math.max(box.x, b.x);
    const h = Math.min(box.y + box.height, b.y + b.height) - Math.max(box.y, b.y);
    return w > 0 && h > 0 && w * h >= share * area;
  });
}
