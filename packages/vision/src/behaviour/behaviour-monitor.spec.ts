import { describe, expect, it } from 'vitest';
import { BehaviourMonitor } from './behaviour-monitor.ts';
import { pointInPolygon } from './presence-rules.ts';
import { person } from '../evaluation/poser.ts';
import { standingHip } from '../evaluation/poser.ts';

const context = { zones: [], isOpen: () => true, isNight: () => false };
const alone = (t: number) => ({
  timestampMs: t,
  people: [person(2, true, { hip: standingHip(400, true) })],
});

describe('BehaviourMonitor', () => {
  it('raises a rule once per cool-down for the same people', () => {
    const monitor = new BehaviourMonitor(context, { cooldownMs: 30_000 });
    const raised: number[] = [];
    for (let t = 0; t <= 120_000; t += 1000) {
      for (const hit of monitor.push(alone(t))) raised.push(hit.atMs);
    }
    expect(raised).toEqual([60_000, 90_000, 120_000]);
  });

  it('ignores frames that go back in time', () => {
    const monitor = new BehaviourMonitor(context);
    monitor.push(alone(5000));
    expect(monitor.push(alone(4000))).toEqual([]);
  });
});

describe('pointInPolygon', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 },
  ];
  it('tells inside from outside', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, square)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, square)).toBe(false);
    expect(pointInPolygon({ x: -1, y: 11 }, square)).toBe(false);
  });
});
