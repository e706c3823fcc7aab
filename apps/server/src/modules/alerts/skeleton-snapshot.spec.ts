import { describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../../platform/ffmpeg.ts';
import { grayFrame, standingPose } from './alerts.test-kit.ts';
import { drawSkeletons, encodeJpeg } from './skeleton-snapshot.ts';

const pixel = (frame: { width: number; data: Uint8Array }, x: number, y: number) => {
  const i = (Math.round(y) * frame.width + Math.round(x)) * 3;
  return [frame.data[i], frame.data[i + 1], frame.data[i + 2]];
};

describe('skeleton snapshot', () => {
  const frame = grayFrame(120, 80);
  const adult = standingPose(10, 4, 70);
  const child = standingPose(70, 40, 36);
  const drawn = drawSkeletons(frame, [
    { pose: adult, box: { x: 5, y: 2, width: 40, height: 74 }, ageClass: 'adult', involved: true },
    {
      pose: child,
      box: { x: 68, y: 38, width: 20, height: 40 },
      ageClass: 'child',
      involved: false,
    },
  ]);

  it('draws adults orange, children cyan and boxes the people involved in red', () => {
    const shoulders = adult[5] ?? { x: 0, y: 0 };
    const childHip = child[11] ?? { x: 0, y: 0 };
    expect(pixel(drawn, shoulders.x, shoulders.y)).toEqual([255, 150, 0]);
    expect(pixel(drawn, childHip.x, childHip.y)).toEqual([0, 210, 255]);
    expect(pixel(drawn, 5, 40)).toEqual([255, 40, 40]);
    expect(pixel(drawn, 68, 60)).toEqual([90, 90, 90]);
  });

  it('leaves the frame it was given untouched and skips unsure keypoints', () => {
    const unsure = adult.map((k) => ({ ...k, score: 0.05 }));
    const none = drawSkeletons(frame, [
      {
        pose: unsure,
        box: { x: 0, y: 0, width: 1, height: 1 },
        ageClass: 'adult',
        involved: false,
      },
    ]);
    expect(frame.data.every((v) => v === 90)).toBe(true);
    expect(none.data.every((v) => v === 90)).toBe(true);
  });

  it('encodes the drawing as a JPEG of the frame size', async () => {
    const jpeg = await encodeJpeg(resolveFfmpeg(), drawn);
    expect(jpeg?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // SOF0 carries height then width.
    const sof = jpeg?.indexOf(Buffer.from([0xff, 0xc0])) ?? -1;
    expect(jpeg?.readUInt16BE(sof + 5)).toBe(80);
    expect(jpeg?.readUInt16BE(sof + 7)).toBe(120);
  });
});
