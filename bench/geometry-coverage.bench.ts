// Coverage of one synthetic floor (40 rooms, 500 wall segments, 40 cameras) and placement
// advice over 200 candidates, against the brute-force raster baseline in the same run.
// Run: npx tsx bench/geometry-coverage.bench.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  adviseCameras,
  computeFloorCoverage,
  prepareFloor,
  rasterCoverage,
  wallCandidates,
  type Area,
  type Camera,
  type FloorPlan,
  type Obstacle,
  type Point,
  type Wall,
} from '@gardenwatch/geometry';

const COLS = 8;
const ROWS = 5;
const ROOM_W = 7.5;
const ROOM_H = 8;
const WALL_SEGMENTS = 500;
const CAMERA_COUNT = 40;
const CANDIDATE_COUNT = 200;
const WARMUP = 3;
const RUNS = 15;

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** Walls on the room grid, a door in every inner wall, then short partitions up to 500. */
function buildFloor(): FloorPlan {
  const random = rng(42);
  const walls: Wall[] = [];
  const addWall = (id: string, a: Point, b: Point, door: boolean): void => {
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const openings = door
      ? [{ id: `${id}-door`, kind: 'door' as const, offset: length / 2 - 0.45, width: 0.9 }]
      : [];
    walls.push({ id, a, b, thickness: 0.2, openings });
  };
  for (let c = 0; c <= COLS; c++) {
    for (let r = 0; r < ROWS; r++) {
      const x = c * ROOM_W;
      const inner = c > 0 && c < COLS;
      addWall(`v${c}-${r}`, { x, y: r * ROOM_H }, { x, y: (r + 1) * ROOM_H }, inner);
    }
  }
  for (let r = 0; r <= ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const y = r * ROOM_H;
      const inner = r > 0 && r < ROWS;
      addWall(`h${r}-${c}`, { x: c * ROOM_W, y }, { x: (c + 1) * ROOM_W, y }, inner);
    }
  }
  for (let i = 0; walls.length < WALL_SEGMENTS; i++) {
    const room = i % (COLS * ROWS);
    const x0 = (room % COLS) * ROOM_W;
    const y0 = Math.floor(room / COLS) * ROOM_H;
    const a = { x: x0 + 2 + random() * (ROOM_W - 3), y: y0 + 2 + random() * (ROOM_H - 3) };
    const angle = random() * Math.PI;
    const length = 0.6 + random() * 1.2;
    const b = { x: a.x + length * Math.cos(angle), y: a.y + length * Math.sin(angle) };
    walls.push({ id: `p${i}`, a, b, thickness: 0.08 });
  }

  const obstacles: Obstacle[] = [];
  for (let c = 1; c < COLS; c += 2) {
    const x = c * ROOM_W + ROOM_W / 2;
    const y = ROOM_H / 2;
    obstacles.push({ id: `pillar${c}`, kind: 'pillar', polygon: square(x, y, 0.25) });
  }

  const areas: Area[] = [];
  for (let r = 0; r < ROWS; r++) {
    for (let c = 0; c < COLS; c++) {
      const toilet = (r === 2 && c === 3) || (r === 4 && c === 6);
      areas.push({
        id: `room${r}-${c}`,
        polygon: rect(c * ROOM_W, r * ROOM_H, (c + 1) * ROOM_W, (r + 1) * ROOM_H),
        requiredLevel: r === 0 ? 'recognise' : 'observe',
        neverFilmed: toilet,
      });
    }
  }
  const outline = rect(0, 0, COLS * ROOM_W, ROWS * ROOM_H);
  return { id: 'bench-floor', outline: grow(outline, 0.1), walls, obstacles, areas };
}

function rect(x0: number, y0: number, x1: number, y1: number): Point[] {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

function square(cx: number, cy: number, half: number): Point[] {
  return rect(cx - half, cy - half, cx + half, cy + half);
}

function grow(ring: Point[], by: number): Point[] {
  const [a, , c] = ring;
  return rect(a!.x - by, a!.y - by, c!.x + by, c!.y + by);
}

/** One camera in a corner of every non-toilet room, the rest in the far corners of others. */
function buildCameras(plan: FloorPlan): Camera[] {
  const rooms = plan.areas.filter((a) => !a.neverFilmed);
  const cameras: Camera[] = [];
  for (let i = 0; cameras.length < CAMERA_COUNT; i++) {
    const room = rooms[i % rooms.length]!;
    const far = i >= rooms.length;
    const [tl, , br] = room.polygon;
    const position = far ? { x: br!.x - 0.2, y: br!.y - 0.2 } : { x: tl!.x + 0.2, y: tl!.y + 0.2 };
    cameras.push({
      id: `cam${i}`,
      type: 'fixed',
      position,
      direction: far ? 225 : 45,
      fov: 92,
      range: 15,
      resolutionX: 2688,
    });
  }
  return cameras;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Wall-clock and CPU time; on a shared machine the CPU time is the steadier of the two. */
function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

function repeat<T>(runs: number, fn: () => T): { ms: number[]; cpuMs: number[]; value: T } {
  for (let i = 0; i < WARMUP; i++) fn();
  const results = Array.from({ length: runs }, () => timed(fn));
  return {
    ms: results.map((r) => r.ms),
    cpuMs: results.map((r) => r.cpuMs),
    value: results[0]!.value,
  };
}

const plan = buildFloor();
const cameras = buildCameras(plan);

const coverageRuns = repeat(RUNS, () => computeFloorCoverage(plan, cameras));
const coverage = coverageRuns.value;
const coverageMs = median(coverageRuns.ms);
const prepareRuns = repeat(RUNS, () => prepareFloor(plan));
const floor = prepareRuns.value;
const preparedRuns = repeat(RUNS, () => computeFloorCoverage(floor, cameras));

const raster = timed(() => rasterCoverage(plan, cameras, { cellSize: 0.1 }));
const diffPct =
  (Math.abs(coverage.coveredM2 - raster.value.coveredM2) / raster.value.coveredM2) * 100;

const template = { type: 'fixed' as const, fov: 92, range: 15, resolutionX: 2688 };
const allCandidates = wallCandidates(floor, { template, spacing: 2, turns: [-45, 0, 45] });
const stride = allCandidates.length / CANDIDATE_COUNT;
const candidates = Array.from(
  { length: CANDIDATE_COUNT },
  (_, i) => allCandidates[Math.floor(i * stride)]!,
);
const adviceRuns = Array.from({ length: 3 }, () =>
  timed(() => adviseCameras(plan, cameras, candidates, { count: 10 })),
);
const advice = adviceRuns[0]!.value;
const adviceMs = median(adviceRuns.map((r) => r.ms));
const adviceCpuMs = median(adviceRuns.map((r) => r.cpuMs));

const rasterAfter = timed(() =>
  rasterCoverage(floor, [...cameras, ...advice.suggestions.map((s) => s.candidate.camera)], {
    cellSize: 0.1,
  }),
);
const coverageAfter = computeFloorCoverage(plan, [
  ...cameras,
  ...advice.suggestions.map((s) => s.candidate.camera),
]);

const result = {
  benchmark: 'geometry-coverage',
  date: new Date().toISOString(),
  node: process.version,
  floor: {
    walls: plan.walls.length,
    occluderSegments: floor.grid.segments.length,
    obstacles: plan.obstacles.length,
    areas: plan.areas.length,
    cameras: cameras.length,
    requiredM2: round(coverage.requiredM2),
  },
  coverage: {
    medianMs: round(coverageMs),
    p90Ms: round(percentile(coverageRuns.ms, 0.9)),
    medianCpuMs: round(median(coverageRuns.cpuMs)),
    runs: RUNS,
    warmupRuns: WARMUP,
    targetMs: 100,
    prepareFloorMedianMs: round(median(prepareRuns.ms)),
    withPreparedFloorMedianMs: round(median(preparedRuns.ms)),
    coveredM2: round(coverage.coveredM2),
    coveredShare: round(coverage.coveredShare, 4),
    deadZones: coverage.areas.reduce((s, a) => s + a.deadZones.length, 0),
    deadZoneM2: round(coverage.deadZoneM2),
    privacyViolations: coverage.privacyViolations.length,
  },
  raster: {
    cellSize: raster.value.cellSize,
    ms: round(raster.ms),
    requiredM2: round(raster.value.requiredM2),
    coveredM2: round(raster.value.coveredM2),
    coveredShare: round(raster.value.coveredShare, 4),
    areaDifferencePct: round(diffPct, 3),
    speedup: round(raster.ms / coverageMs, 1),
  },
  placement: {
    candidates: candidates.length,
    requested: 10,
    medianMs: round(adviceMs),
    medianCpuMs: round(adviceCpuMs),
    runs: adviceRuns.length,
    targetMs: 2000,
    suggestions: advice.suggestions.length,
    excluded: advice.excluded.length,
    deadM2Before: round(advice.deadM2Before),
    deadM2After: round(advice.deadM2After),
    coveredM2After: round(coverageAfter.coveredM2),
    rasterCoveredM2After: round(rasterAfter.value.coveredM2),
    rasterAfterMs: round(rasterAfter.ms),
  },
};

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

const outDir = path.join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'geometry-coverage.json'), `${JSON.stringify(result, null, 2)}\n`);

console.table([
  {
    case: `coverage, ${cameras.length} cameras, ${plan.walls.length} walls`,
    ms: result.coverage.medianMs,
    cpuMs: result.coverage.medianCpuMs,
    target: '≤ 100 ms',
    coveredM2: result.coverage.coveredM2,
    note: `${result.coverage.deadZones} dead zones, ${result.coverage.deadZoneM2} m²; p90 ${result.coverage.p90Ms} ms`,
  },
  {
    case: '  of which: prepare floor / rest',
    ms: `${result.coverage.prepareFloorMedianMs} / ${result.coverage.withPreparedFloorMedianMs}`,
    cpuMs: '-',
    target: '-',
    coveredM2: '-',
    note: 'a prepared floor is reusable while the plan is unchanged',
  },
  {
    case: `raster baseline, ${raster.value.cellSize} m grid`,
    ms: result.raster.ms,
    cpuMs: '-',
    target: '-',
    coveredM2: result.raster.coveredM2,
    note: `area difference ${result.raster.areaDifferencePct}%`,
  },
  {
    case: `placement, ${candidates.length} candidates, top 10`,
    ms: result.placement.medianMs,
    cpuMs: result.placement.medianCpuMs,
    target: '≤ 2000 ms',
    coveredM2: result.placement.coveredM2After,
    note: `dead ${result.placement.deadM2Before} → ${result.placement.deadM2After} m² (raster after: ${result.placement.rasterCoveredM2After} m²)`,
  },
]);
