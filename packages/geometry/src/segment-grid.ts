import type { Bounds } from './polygon.ts';
import type { Point } from './types.ts';

/** An occluding segment; `ownerId` names the wall, obstacle or outline it belongs to. */
export interface Segment {
  readonly a: Point;
  readonly b: Point;
  readonly ownerId: string;
}

/** A uniform grid over segment bounding boxes, for range queries around a camera. */
export class SegmentGrid {
  readonly #cells = new Map<number, number[]>();
  readonly #stamp: Uint32Array;
  #query = 0;
  readonly #cell: number;

  constructor(
    readonly segments: readonly Segment[],
    cellSize = 2,
  ) {
    this.#cell = cellSize;
    this.#stamp = new Uint32Array(segments.length);
    segments.forEach((s, i) => this.#forCells(segmentBounds(s), (key) => this.#add(key, i)));
  }

  /** Every segment whose bounding box meets the given box, each once. */
  query(box: Bounds): Segment[] {
    this.#query += 1;
    const found: Segment[] = [];
    this.#forCells(box, (key) => {
      for (const i of this.#cells.get(key) ?? []) {
        if (this.#stamp[i] === this.#query) continue;
        this.#stamp[i] = this.#query;
        found.push(this.segments[i]!);
      }
    });
    return found;
  }

  #add(key: number, index: number): void {
    const list = this.#cells.get(key);
    if (list) list.push(index);
    else this.#cells.set(key, [index]);
  }

  #forCells(box: Bounds, visit: (key: number) => void): void {
    const x0 = Math.floor(box.minX / this.#cell);
    const x1 = Math.floor(box.maxX / this.#cell);
    const y0 = Math.floor(box.minY / this.#cell);
    const y1 = Math.floor(box.maxY / this.#cell);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) visit(x * 1_000_003 + y);
    }
  }
}

export function segmentBounds(s: Segment): Bounds {
  return {
    minX: Math.min(s.a.x, s.b.x),
    minY: Math.min(s.a.y, s.b.y),
    maxX: Math.max(s.a.x, s.b.x),
    maxY: Math.max(s.a.y, s.b.y),
  };
}

export function circleBounds(center: Point, radius: number): Bounds {
  return {
    minX: center.x - radius,
    minY: center.y - radius,
    maxX: center.x + radius,
    maxY: center.y + radius,
  };
}
