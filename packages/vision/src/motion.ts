import type { Frame } from './frame.ts';

export interface MotionOptions {
  /** Width of the gray thumbnail compared between frames; height keeps the aspect ratio. */
  thumbWidth: number;
  /** A thumbnail pixel counts as changed when its gray level moves by more than this (0-255). */
  pixelDelta: number;
  /** The scene moves when more than this fraction of thumbnail pixels changed. */
  changedFraction: number;
  /** Mean gray level under which the picture is too dark to analyse. */
  darkLevel: number;
}

export const DEFAULT_MOTION_OPTIONS: MotionOptions = {
  thumbWidth: 64,
  pixelDelta: 14,
  changedFraction: 0.004,
  darkLevel: 18,
};

export interface MotionResult {
  moving: boolean;
  changedFraction: number;
  meanLevel: number;
  tooDark: boolean;
}

export interface GrayThumb {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * Box-averaged gray thumbnail. Averaging (rather than sampling one pixel per cell) makes
 * sensor noise and compression shimmer cancel out, so a still scene really compares equal.
 */
export function grayThumb(frame: Frame, thumbWidth: number): GrayThumb {
  const width = Math.min(thumbWidth, frame.width);
  const height = Math.max(1, Math.round((frame.height * width) / frame.width));
  const sums = new Float64Array(width * height);
  const counts = new Uint32Array(width * height);
  const { data } = frame;
  const step = Math.max(1, Math.floor(frame.width / (width * 4)));
  for (let y = 0; y < frame.height; y += step) {
    const row = Math.min(height - 1, Math.floor((y * height) / frame.height)) * width;
    for (let x = 0; x < frame.width; x += step) {
      const i = (y * frame.width + x) * 3;
      const cell = row + Math.min(width - 1, Math.floor((x * width) / frame.width));
      sums[cell] =
        (sums[cell] ?? 0) + 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      counts[cell] = (counts[cell] ?? 0) + 1;
    }
  }

  const pixels = new Uint8Array(width * height);
  for (let c = 0; c < pixels.length; c++)
    pixels[c] = Math.round(sums[c]! / Math.max(1, counts[c]!));
  return { width, height, pixels };
}

/** Decides per camera whether a frame differs enough from the last one to run the models. */
export class MotionGate {
  private previous: GrayThumb | undefined;
  private readonly options: MotionOptions;

  constructor(options: Partial<MotionOptions> = {}) {
    this.options = { ...DEFAULT_MOTION_OPTIONS, ...options };
  }

  update(frame: Frame): MotionResult {
    const thumb = grayThumb(frame, this.options.thumbWidth);
    const meanLevel = thumb.pixels.reduce((sum, v) => sum + v, 0) / thumb.pixels.length;
    const tooDark = meanLevel < this.options.darkLevel;
    const before = this.previous;
    this.previous = thumb;
    if (!before || before.pixels.length !== thumb.pixels.length) {
      return { moving: true, changedFraction: 1, meanLevel, tooDark };
    }

    let changed = 0;
    for (let i = 0; i < thumb.pixels.length; i++) {
      if (Math.abs(thumb.pixels[i]! - before.pixels[i]!) > this.options.pixelDelta) changed++;
    }
    const changedFraction = changed / thumb.pixels.length;
    return {
      moving: changedFraction > this.options.changedFraction,
      changedFraction,
      meanLevel,
      tooDark,
    };
  }

  reset(): void {
    this.previous = undefined;
  }
}
