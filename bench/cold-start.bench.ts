/**
 * Embedded cold start: from spawning `node apps/server/bin/gardenwatch.mjs start --port 0
 * --data DIR` (PGlite, in-process bus) until it prints `listening on`, for the first run (which
 * creates the database, applies the migrations and writes the key) and for later runs on the
 * same folder; then the same with `--demo` (seeds the demo city, starts the camera simulator).
 * Baselines in the same run: a bare `node -e ''` and `gardenwatch --help` (Node, the TypeScript
 * loader and the command parser, no server). Wall time and the process's CPU time at that line
 * (from /proc; the simulator's ffmpeg children are not counted).
 * Run: `npx tsx bench/cold-start.bench.ts`. Environment: BENCH_RUNS (later runs, default 3),
 * BENCH_CAMERA_PORT (the demo simulator's RTSP port, default 18554).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, stopChild, summarise, waitForLine, writeResult } from './bench-kit.ts';

const laterRuns = Number(process.env.BENCH_RUNS ?? 3);
const cameraPort = process.env.BENCH_CAMERA_PORT ?? '18554';
const bin = path.join(root, 'apps/server/bin/gardenwatch.mjs');
const ticksPerSecond = 100;
const TARGET_LATER_MS = 3000;

interface Run {
  scenario: string;
  run: 'first' | 'later';
  wallMs: number;
  cpuMs: number;
}

/** CPU milliseconds from /proc/<pid>/stat: the process's own, or that of its ended children. */
function cpuMsOf(pid: number | 'self', of: 'own' | 'children'): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const first = of === 'own' ? 11 : 13;
  const ticks = Number(fields[first]) + Number(fields[first + 1]);
  return Math.round((ticks * 1000) / ticksPerSecond);
}

async function startOnce(args: string[], env: NodeJS.ProcessEnv) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await waitForLine(child, /^listening on http:\/\//, 300_000);
    const wallMs = Math.round(performance.now() - started);
    return { wallMs, cpuMs: cpuMsOf(child.pid ?? 0, 'own') };
  } finally {
    await stopChild(child);
  }
}

/** Runs a short command to its end: wall time and its CPU time. */
async function runToEnd(args: string[]) {
  const before = cpuMsOf('self', 'children');
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}`);
  const wallMs = Math.round(performance.now() - started);
  return { wallMs, cpuMs: cpuMsOf('self', 'children') - before };
}

async function scenario(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-start-'));
  const runs: Run[] = [];
  try {
    const fullArgs = ['start', ...args, '--port', '0', '--data', dir];
    runs.push({ scenario: name, run: 'first', ...(await startOnce(fullArgs, env)) });
    for (let i = 0; i < laterRuns; i++) {
      runs.push({ scenario: name, run: 'later', ...(await startOnce(fullArgs, env)) });
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const baselines: Run[] = [];
for (let i = 0; i < laterRuns; i++) {
  baselines.push({ scenario: "node -e ''", run: 'later', ...(await runToEnd(['-e', ''])) });
  baselines.push({
    scenario: 'gardenwatch --help',
    run: 'later',
    ...(await runToEnd([bin, '--help'])),
  });
}
const env = {
  LOG_LEVEL: 'warn',
  GARDENWATCH_DEMO_PASSWORD: 'bench-demo-password',
  GARDENWATCH_DEMO_CAMERA_PORT: cameraPort,
};
const runs = [
  ...(await scenario('start', [], env)),
  ...(await scenario('start --demo', ['--demo'], env)),
];

const rows = [...baselines, ...runs];
const groups = new Map<string, Run[]>();
for (const r of rows) {
  const key = `${r.scenario} (${r.run})`;
  groups.set(key, [...(groups.get(key) ?? []), r]);
}
const table = [...groups.entries()].map(([key, list]) => {
  const wall = summarise(list.map((r) => r.wallMs));
  return {
    scenario: key,
    runs: list.length,
    'wall median (ms)': wall.p50,
    'wall max (ms)': wall.max,
    'cpu median (ms)': summarise(list.map((r) => r.cpuMs)).p50,
  };
});
const laterStart = runs.filter((r) => r.scenario === 'start' && r.run === 'later');
const laterMax = Math.max(...laterStart.map((r) => r.wallMs));
const file = writeResult('cold-start', {
  laterRuns,
  cores: os.availableParallelism(),
  loadAverage: os.loadavg(),
  runs: rows,
  target: {
    laterRunsMs: TARGET_LATER_MS,
    laterStartMaxMs: laterMax,
    met: laterMax <= TARGET_LATER_MS,
  },
});
console.table(table);
console.log(
  `load average during the run: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`results: ${file}`);
