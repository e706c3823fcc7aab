import { describe, expect, it } from 'vitest';
import { doriBandPolygons, fieldOfViewPolygon } from './dori-bands.ts';
import {
  doriBands,
  doriDistance,
  doriLevelAt,
  horizontalFovFromLens,
  pixelsPerMetre,
} from './dori.ts';
import { ringArea } from './polygon.ts';
import { camera, fisheye } from './spec-fixtures.ts';

describe('lens and pixel density', () => {
  it('derives the horizontal field of view from focal length and sensor width', () => {
    // A 1/2.8" sensor is about 5.6 mm wide; at 4 mm it sees 2·atan(0.7) ≈ 70°.
    expect(horizontalFovFromLens({ focalLengthMm: 4, sensorWidthMm: 5.6 })).toBeCloseTo(69.984, 3);
    expect(horizontalFovFromLens({ focalLengthMm: 2.8, sensorWidthMm: 5.6 })).toBeCloseTo(90, 9);
  });

  it('spreads the resolution over the width of the field of view at that distance', () => {
    const cam = camera('c', { x: 0, y: 0 }, { fov: 90, resolutionX: 1920 });
    expect(pixelsPerMetre(cam, 4)).toBeCloseTo(1920 / 8, 9);
    expect(pixelsPerMetre(cam, 8)).toBeCloseTo(120, 9);
  });

  it('gives the distance of each DORI level as the inverse of the density', () => {
    const cam = camera('c', { x: 0, y: 0 }, { fov: 90, resolutionX: 1920, range: 100 });
    expect(doriDistance(cam, 'identify')).toBeCloseTo(3.84, 9);
    expect(doriDistance(cam, 'recognise')).toBeCloseTo(7.68, 9);
    expect(doriDistance(cam, 'observe')).toBeCloseTo(1920 / 124, 9);
    expect(doriDistance(cam, 'detect')).toBeCloseTo(38.4, 9);
    for (const level of ['detect', 'observe', 'recognise', 'identify'] as const) {
      expect(doriLevelAt(cam, doriDistance(cam, level) * 0.999)).toBe(level);
    }
    expect(doriLevelAt(cam, 40)).toBeNull();
  });

  it('uses the radial density of an equidistant fisheye, falling with distance', () => {
    const cam = fisheye('f', { x: 0, y: 0 }, { resolutionX: 2880, mountHeight: 3 });
    expect(pixelsPerMetre(cam, 0)).toBeCloseTo(2880 / (Math.PI * 3), 9);
    const d = doriDistance(cam, 'observe');
    expect(pixelsPerMetre(cam, d)).toBeCloseTo(62, 9);
    expect(doriDistance(fisheye('f', { x: 0, y: 0 }, { resolutionX: 100 }), 'identify')).toBe(0);
  });

  it('cuts the field of view into consecutive bands ending at the range', () => {
    const cam = camera('c', { x: 0, y: 0 }, { fov: 90, resolutionX: 1920, range: 20 });
    expect(doriBands(cam)).toEqual([
      { level: 'identify', from: 0, to: expect.closeTo(3.84, 9) },
      { level: 'recognise', from: expect.closeTo(3.84, 9), to: expect.closeTo(7.68, 9) },
      { level: 'observe', from: expect.closeTo(7.68, 9), to: expect.closeTo(1920 / 124, 9) },
      { level: 'detect', from: expect.closeTo(1920 / 124, 9), to: 20 },
    ]);
  });

  it('draws the bands as ring sectors whose areas add up to the whole sector', () => {
    const cam = camera(
      'c',
      { x: 1, y: 1 },
      { fov: 90, resolutionX: 1920, range: 20, direction: 30 },
    );
    const bands = doriBandPolygons(cam, 1e-4);
    const total = bands.reduce((s, b) => s + ringArea(b.outer), 0);

    expect(bands.map((b) => b.level)).toEqual(['identify', 'recognise', 'observe', 'detect']);
    expect(total).toBeCloseTo((Math.PI * 400) / 4, 1);
    expect(ringArea(fieldOfViewPolygon(cam, 1e-4))).toBeCloseTo(total, 6);
    expect(ringArea(bands[1]!.outer)).toBeCloseTo((Math.PI * (7.68 ** 2 - 3.84 ** 2)) / 4, 2);
  });

  it('draws fisheye bands as annuli', () => {
    const bands = doriBandPolygons(
      fisheye('f', { x: 0, y: 0 }, { resolutionX: 2880, range: 10 }),
      1e-4,
    );
    expect(bands[0]!.hole).toBeNull();
    const second = bands[1]!;
    const annulus = ringArea(second.outer) - ringArea(second.hole!);
    expect(annulus).toBeCloseTo(Math.PI * (second.to ** 2 - second.from ** 2), 2);
  });
});
