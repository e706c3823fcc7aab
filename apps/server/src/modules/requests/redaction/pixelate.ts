import type { Box } from '@gardenwatch/vision';

/**
 * Replaces each box of a YUV 4:2:0 frame by coarse blocks of its average colour: at least
 * 16 pixels and a fifth of the box's longer side per block, so that a face keeps at most about
 * five blocks across. What was there is discarded, not hidden: nothing can bring it back.
 */
export function pixelateYuv420(frame: Buffer, width: number, height: number, boxes: Box[]): void {
  const ySize = width * height;
  const cSize = ySize / 4;
  for (const box of boxes) {
    const block = Math.max(16, Math.ceil(Math.max(box.width, box.height) / 5)) & ~1;
    const x0 = Math.max(0, Math.floor(box.x)) & ~1;
    const y0 = Math.max(0, Math.floor(box.y)) & ~1;
    const x1 = Math.min(width, Math.ceil(box.x + box.width));
    const y1 = Math.min(height, Math.ceil(box.y + box.height));
    if (x1 <= x0 || y1 <= y0) continue;
    mosaic(frame, { offset: 0, stride: width }, { x0, y0, x1, y1 }, block);
    const chroma = { x0: x0 / 2, y0: y0 / 2, x1: Math.ceil(x1 / 2), y1: Math.ceil(y1 / 2) };
    mosaic(frame, { offset: ySize, stride: width / 2 }, chroma, block / 2);
    mosaic(frame, { offset: ySize + cSize, stride: width / 2 }, chroma, block / 2);
  }
}

function mosaic(
  frame: Buffer,
  plane: { offset: number; stride: number },
  area: { x0: number; y0: number; x1: number; y1: number },
  block: number,
): void {
  for (let by = area.y0; by < area.y1; by += block) {
    const ey = Math.min(area.y1, by + block);
    for (let bx = area.x0; bx < area.x1; bx += block) {
      const ex = Math.min(area.x1, bx + block);
      let sum = 0;
      for (let y = by; y < ey; y++) {
        const row = plane.offset + y * plane.stride;
        for (let x = bx; x < ex; x++) sum += frame[row + x]!;
      }
      const mean = Math.round(sum / ((ey - by) * (ex - bx)));
      for (let y = by; y < ey; y++) {
        const row = plane.offset + y * plane.stride;
        frame.fill(mean, row + bx, row + ex);
      }
    }
  }
}
