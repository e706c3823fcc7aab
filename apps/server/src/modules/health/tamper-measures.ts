/** A small grey picture: one byte of luma per pixel, row after row. */
export interface GreyFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Mean luma, 0 (black) to 255. */
export function meanLevel(frame: GreyFrame): number {
  let sum = 0;
  for (const value of frame.data) sum += value;
  return frame.data.length === 0 ? 0 : sum / frame.data.length;
}

/** Standard deviation of luma: near 0 for a covered lens, whatever its level. */
export function contrast(frame: GreyFrame): number {
  const mean = meanLevel(frame);
  let sum = 0;
  for (const value of frame.data) sum += (value - mean) ** 2;
  return frame.data.length === 0 ? 0 : Math.sqrt(sum / frame.data.length);
}

/**
 * Variance of the 4-neighbour Laplacian over the inner pixels: edge energy, which defocus
 * removes first. Only comparable between pictures of the same scene at the same size.
 */
export function laplacianVariance(frame: GreyFrame): number {
  const { width, height, data } = frame;
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const i = y * width + x;
      const value =
        4 * data[i]! - data[i - 1]! - data[i + 1]! - data[i - width]! - data[i + width]!;
      sum += value;
      sumSquares += value * value;
      count += 1;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

/** Mean absolute difference per pixel of two frames of one size (0 when identical). */
export function meanAbsDifference(a: GreyFrame, b: GreyFrame): number {
  if (a.data.length !== b.data.length || a.data.length === 0) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 1) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}

/** Mean luma of each cell of a `columns` × `rows` grid laid over the frame. */
export function blockMeans(frame: GreyFrame, columns = 16, rows = 12): number[] {
  const sums = new Array<number>(columns * rows).fill(0);
  const counts = new Array<number>(columns * rows).fill(0);
  for (let y = 0; y < frame.height; y += 1) {
    const row = Math.min(rows - 1, Math.floor((y * rows) / frame.height));
    for (let x = 0; x < frame.width; x += 1) {
      const cell = row * columns + Math.min(columns - 1, Math.floor((x * columns) / frame.width));
      sums[cell]! += frame.data[y * frame.width + x]!;
      counts[cell]! += 1;
    }
  }
  return sums.map((sum, i) => (counts[i] ? sum / counts[i] : 0));
}

/**
 * Pearson correlation of the coarse layouts (block means) of a frame and the reference:
 * near 1 for the same view (people moving, light changing evenly), low when the camera looks
 * elsewhere. Defocus keeps the coarse layout, so a blurred view still correlates. 0 when
 * either picture is flat.
 */
export function layoutCorrelation(frame: GreyFrame, reference: GreyFrame): number {
  const a = blockMeans(frame);
  const b = blockMeans(reference);
  const meanA = a.reduce((s, v) => s + v, 0) / a.length;
  const meanB = b.reduce((s, v) => s + v, 0) / b.length;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < a.length; i += 1) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  return varA === 0 || varB === 0 ? 0 : cov / Math.sqrt(varA * varB);
}
