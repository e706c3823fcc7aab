/**
 * A machine-readable wall clock burned into frames: a row of square blocks along the bottom
 * left, one white marker block, 48 bits of Unix time in milliseconds (most significant first,
 * white = 1) and one black marker block, on a black bar. Pure functions: the same layout is
 * drawn by ffmpeg (`clockCodeFilters`) and read back from RGB pixels (`decodeClockCode`), so a
 * browser can decode a canvas frame as well as a test can decode an ffmpeg frame.
 */

export const CLOCK_CODE_BITS = 48;
const BLOCKS = CLOCK_CODE_BITS + 2;

export interface ClockCodeLayout {
  block: number;
  x: number;
  y: number;
}

/** Layout for a frame size; it needs (BLOCKS + 2) blocks of width and 3 of height. */
export function clockCodeLayout(width: number, height: number): ClockCodeLayout {
  const block = Math.max(6, Math.floor(width / 80));
  return { block, x: block, y: height - 2 * block };
}

/** ffmpeg filters (to join with commas) that draw the code for each frame's wall-clock time. */
export function clockCodeFilters(width: number, height: number): string[] {
  const { block, x, y } = clockCodeLayout(width, height);
  const bar = `drawbox=x=${x - block / 2}:y=${y - block / 2}:w=${(BLOCKS + 1) * block}:h=${2 * block}:color=black:t=fill`;
  const box = (index: number) =>
    `drawbox=x=${x + index * block}:y=${y}:w=${block}:h=${block}:color=white:t=fill`;
  // Frame time becomes Unix milliseconds (tb 1/1000) when the frame passes this point, so
  // each bit's `enable` expression can test it; `t` is then seconds since the epoch.
  const filters = ['settb=expr=1/1000', 'setpts=floor(RTCTIME/1000)', bar, box(0)];
  for (let bit = 0; bit < CLOCK_CODE_BITS; bit += 1) {
    const weight = 2 ** (CLOCK_CODE_BITS - 1 - bit);
    filters.push(`${box(bit + 1)}:enable='eq(mod(floor(floor(t*1000+0.5)/${weight})\\,2)\\,1)'`);
  }
  return filters;
}

export interface RgbFrame {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  /** 3 for RGB24, 4 for RGBA (a canvas ImageData). */
  channels: 3 | 4;
}

/**
 * Reads the code from a frame at the stream's own resolution. Returns the Unix time in
 * milliseconds, or null when the markers are not where the layout puts them.
 */
export function decodeClockCode(frame: RgbFrame): number | null {
  const { block, x, y } = clockCodeLayout(frame.width, frame.height);
  if (x + BLOCKS * block > frame.width || y + block > frame.height || y < 0) return null;

  const levels = Array.from({ length: BLOCKS }, (_, i) =>
    blockLuma(frame, x + i * block, y, block),
  );
  const white = levels[0]!;
  const black = levels[BLOCKS - 1]!;
  if (white - black < 80) return null;

  const threshold = (white + black) / 2;
  let value = 0;
  for (let bit = 0; bit < CLOCK_CODE_BITS; bit += 1) {
    value = value * 2 + (levels[bit + 1]! > threshold ? 1 : 0);
  }
  return value;
}

/** Mean luma (BT.601) of the inner half of a block, away from edges smeared by compression. */
function blockLuma(frame: RgbFrame, left: number, top: number, block: number): number {
  const inset = Math.floor(block / 4);
  let sum = 0;
  let count = 0;
  for (let row = top + inset; row < top + block - inset; row += 1) {
    for (let col = left + inset; col < left + block - inset; col += 1) {
      const i = (row * frame.width + col) * frame.channels;
      sum += 0.299 * frame.data[i]! + 0.587 * frame.data[i + 1]! + 0.114 * frame.data[i + 2]!;
      count += 1;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** Bits of a time value in drawing order, for tests and for drawing the code elsewhere. */
export function clockCodeBits(unixMs: number): number[] {
  const bits: number[] = [];
  for (let bit = 0; bit < CLOCK_CODE_BITS; bit += 1) {
    bits.push(Math.floor(unixMs / 2 ** (CLOCK_CODE_BITS - 1 - bit)) % 2);
  }
  return bits;
}
