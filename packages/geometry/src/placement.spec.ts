import { describe, expect, it } from 'vitest';
import { wallCandidates, type CameraTemplate } from './candidates.ts';
import { computeFloorCoverage } from './coverage.ts';
import { prepareFloor } from './floor.ts';
import { adviseCameras } from './placement.ts';
import { pointInRing } from './polygon.ts';
import { area, fisheye, rect, room } from './spec-fixtures.ts';
import type { FloorPlan } from './types.ts';

const template: CameraTemplate = { type: 'fixed', fov: 90, range: 25, resolutionX: 100_000 };

/** Room A (watched), room B (unwatched) behind a wall with a door, and a toilet beside B. */
function building(): FloorPlan {
  return {
    id: 'floor-1',
    outline: rect(0, 0, 30, 10),
    walls: [
      {
        id: 'wall-ab',
        a: { x: 10, y: 0 },
        b: { x: 10, y: 10 },
        thickness: 0.2,
        openings: [{ id: 'door-ab', kind: 'door', offset: 4, width: 1 }],
      },
      {
        id: 'wall-bt',
        a: { x: 20, y: 0 },
        b: { x: 20, y: 10 },
        thickness: 0.2,
        openings: [{ id: 'door-bt', kind: 'door', offset: 8, width: 1 }],
      },
    ],
    obstacles: [],
    areas: [
      area('room-a', rect(0, 0, 10, 10)),
      area('room-b', rect(10, 0, 20, 10)),
      area('toilet', rect(20, 0, 30, 10), { neverFilmed: true }),
    ],
  };
}

describe('wallCandidates', () => {
  it('spaces positions along the inside of the outline, each facing into the room', () => {
    const plan = room(rect(0, 0, 10, 8));
    const candidates = wallCandidates(plan, { template, spacing: 2, turns: [0] });

    expect(candidates).toHaveLength(5 + 4 + 5 + 4);
    for (const { camera } of candidates) {
      const d = (camera.direction * Math.PI) / 180;
      const ahead = { x: camera.position.x + Math.cos(d), y: camera.position.y + Math.sin(d) };
      expect(pointInRing(ahead, plan.outline)).toBe(true);
    }
  });

  it('tries every turn, skips doors and never places a camera in a toilet or inside a wall', () => {
    const floor = prepareFloor(building());
    const candidates = wallCandidates(floor, { template, spacing: 1, turns: [-45, 0, 45] });
    const toilet = rect(20, 0, 30, 10);

    expect(candidates.length % 3).toBe(0);
    expect(candidates.some((c) => c.mountId === 'wall-ab')).toBe(true);
    for (const { camera, mountId } of candidates) {
      expect(pointInRing(camera.position, toilet)).toBe(false);
      if (mountId === 'wall-ab') expect(Math.abs(camera.position.x - 10)).toBeCloseTo(0.15, 9);
      if (mountId === 'wall-ab')
        expect(camera.position.y < 3.9 || camera.position.y > 5.1).toBe(true);
    }
  });
});

describe('adviseCameras', () => {
  const existing = [fisheye('cam-a', { x: 5, y: 5 }, { range: 30 })];

  it('puts the first camera where the dead zone is, and each suggestion adds no more than the last', () => {
    const floor = prepareFloor(building());
    const candidates = wallCandidates(floor, { template, spacing: 1 });
    const advice = adviseCameras(floor, existing, candidates, { count: 3 });
    const [first] = advice.suggestions;

    expect(first!.candidate.camera.position.x).toBeGreaterThan(10);
    expect(first!.byArea.map((a) => a.areaId)).toEqual(['room-b']);
    const added = advice.suggestions.map((s) => s.addedM2);
    expect(added).toEqual([...added].sort((a, b) => b - a));
    // Fragments left below the sliver threshold stop counting as dead, so at most this remains.
    expect(advice.deadM2After).toBeLessThanOrEqual(
      advice.deadM2Before - added.reduce((s, a) => s + a, 0) + 1e-6,
    );
    expect(advice.deadM2After).toBeGreaterThanOrEqual(0);
  });

  it('reports what each suggestion adds, as the coverage computation confirms', () => {
    const floor = prepareFloor(building());
    const candidates = wallCandidates(floor, { template, spacing: 1 });
    const advice = adviseCameras(floor, existing, candidates, { count: 1, minDeadZoneM2: 0 });
    const before = computeFloorCoverage(floor, existing, { minDeadZoneM2: 0 });
    const after = computeFloorCoverage(
      floor,
      [...existing, advice.suggestions[0]!.candidate.camera],
      {
        minDeadZoneM2: 0,
      },
    );

    expect(after.coveredM2 - before.coveredM2).toBeCloseTo(advice.suggestions[0]!.addedM2, 4);
  });

  it('never suggests a camera that would see into a never-filmed area', () => {
    const floor = prepareFloor(building());
    const candidates = wallCandidates(floor, { template, spacing: 1 });
    const advice = adviseCameras(floor, existing, candidates, { count: 5 });
    const chosen = advice.suggestions.map((s) => s.candidate.camera);

    expect(advice.excluded.some((e) => e.reason === 'privacy')).toBe(true);
    const check = computeFloorCoverage(floor, [...existing, ...chosen]);
    expect(check.privacyViolations).toEqual([]);
  });

  it('suggests nothing when nothing is dead', () => {
    const plan = room(rect(0, 0, 10, 10));
    const advice = adviseCameras(
      plan,
      [fisheye('c', { x: 5, y: 5 })],
      wallCandidates(plan, { template }),
      {
        count: 3,
      },
    );
    expect(advice.suggestions).toEqual([]);
    expect(advice.deadM2Before).toBe(0);
  });

  it('excludes a candidate it cannot place, with the reason', () => {
    const plan = room(rect(0, 0, 10, 10));
    const outside = { id: 'far', mountId: 'none', camera: fisheye('far', { x: 50, y: 50 }) };
    const advice = adviseCameras(plan, [], [outside], { count: 1 });
    expect(advice.excluded).toEqual([
      { candidateId: 'far', reason: 'invalid', detail: expect.stringContaining('outside') },
    ]);
  });
});
