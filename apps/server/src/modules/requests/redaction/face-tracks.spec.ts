import { describe, expect, it } from 'vitest';
import { buildTracks, coveredBy, maskSchedule } from './face-tracks.ts';
import { pixelateYuv420 } from './pixelate.ts';

const box = (x: number, y = 10) => ({ x, y, width: 20, height: 20 });

describe('face tracks', () => {
  it('follows two faces across searched frames and keeps them apart', () => {
    const tracks = buildTracks([
      { frame: 0, boxes: [box(10), box(200)] },
      { frame: 4, boxes: [box(16), box(194)] },
      { frame: 8, boxes: [box(22)] },
    ]);

    expect(tracks.map((t) => t.samples.map((s) => s.box.x))).toEqual([
      [10, 16, 22],
      [200, 194],
    ]);
  });

  it('starts a new track for a face far from every live one', () => {
    expect(
      buildTracks([
        { frame: 0, boxes: [box(10)] },
        { frame: 4, boxes: [box(400)] },
      ]),
    ).toHaveLength(2);
  });

  it('masks between searches by interpolation, and one stride before and after', () => {
    const [track] = buildTracks([
      { frame: 4, boxes: [box(0)] },
      { frame: 8, boxes: [box(16)] },
    ]);
    const frames = maskSchedule([track!], {
      frameCount: 16,
      stride: 4,
      grow: 0,
      width: 640,
      height: 360,
    });

    expect(frames.map((f) => f.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
    expect(frames[6]![0]!.x).toBe(8);
    expect(frames[0]![0]!.x).toBe(0);
    expect(frames[12]![0]!.x).toBe(16);
  });

  it('counts a face as covered only when most of it lies inside a box', () => {
    expect(coveredBy(box(10), [{ x: 0, y: 0, width: 40, height: 40 }])).toBe(true);
    expect(coveredBy(box(10), [{ x: 25, y: 0, width: 40, height: 40 }])).toBe(false);
  });
});

describe('pixelation', () => {
  it('replaces a box by block means and leaves the rest of the frame alone', () => {
    const width = 64;
    const height = 32;
    const frame = Buffer.alloc((width * height * 3) / 2);
    for (let i = 0; i < width * height; i++) frame[i] = i % 256;
    const before = Buffer.from(frame);
    pixelateYuv420(frame, width, height, [{ x: 0, y: 0, width: 16, height: 16 }]);

    const block = [...frame.subarray(0, 16)];
    expect(new Set(block).size).toBe(1);
    expect(frame.subarray(16 * width + 20, 16 * width + 40)).toEqual(
      before.subarray(16 * width + 20, 16 * width + 40),
    );
    expect(frame[20]).toBe(before[20]);
  });
});
