/**
 * Time from a fault injected through the simulator's control API to the matching
 * `health.camera.changed` event, with the server's default health timings (a sample every
 * 3 s, offline after 10 s without a key frame): offline (disconnect) against 5 s, each tamper
 * kind against 15 s. One camera per fault kind, all at once, each fault RUNS times.
 * Also the CPU of the samplers (their ffmpeg processes) per camera.
 * Run: `nice npx tsx bench/health-latency.bench.ts`. Environment: BENCH_RUNS (default 5).
 */
import { startCamsim } from '@gardenwatch/camsim';
import { healthCameraChangedEvent, healthSubjects } from '@gardenwatch/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditService } from '../apps/server/src/modules/audit/audit.service.ts';
import { CamerasService } from '../apps/server/src/modules/cameras/cameras.service.ts';
import { HealthService } from '../apps/server/src/modules/health/health.service.ts';
import {
  camsimClip,
  insertCamsimCamera,
} from '../apps/server/src/modules/health/health.test-support.ts';
import { seedArea } from '../apps/server/src/modules/recording/recording.test-support.ts';
import { RecordingService } from '../apps/server/src/modules/recording/recording.service.ts';
import { bootPlatform } from '../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { lazyFfmpeg } from '../apps/server/src/platform/ffmpeg.ts';
import { summarise, writeResult } from './bench-kit.ts';
import { cpuSeconds } from './proc-cpu.ts';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const cases = [
  { fault: 'disconnect', expect: 'offline', targetMs: 5_000 },
  { fault: 'black', expect: 'covered', targetMs: 15_000 },
  { fault: 'blur', expect: 'defocused', targetMs: 15_000 },
  { fault: 'turn', expect: 'turned', targetMs: 15_000 },
  { fault: 'freeze', expect: 'frozen', targetMs: 15_000 },
] as const;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-health-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const booted = await bootPlatform(config);
const { platform } = booted;
const sim = await startCamsim({
  controlPort: 0,
  cameras: cases.map((c) => ({ id: c.fault, clip: camsimClip('intel_classroom_loop2.mp4') })),
});
const control = `http://127.0.0.1:${sim.controlPort}`;
const { areaId } = await seedArea(platform.db);
const ids = new Map<string, string>();
for (const c of cases) {
  ids.set(await insertCamsimCamera(platform, { sim, simId: c.fault, areaId }), c.fault);
}

const tools = lazyFfmpeg({ ffmpegPath: config.ffmpegPath });
const audit = new AuditService({ db: platform.db, now: platform.now });
const cameras = new CamerasService({ ...platform, audit, tools });
const recording = new RecordingService({ platform, cameras, tools });
const health = new HealthService({ platform, audit, cameras, tools });
const faults = new Map<string, string | null>();
const waiters = new Map<string, (fault: string | null) => void>();
platform.bus.subscribe(healthSubjects.cameraChanged, (m) => {
  const event = healthCameraChangedEvent.parse(m.payload);
  const simId = ids.get(event.cameraId)!;
  faults.set(simId, event.fault);
  waiters.get(simId)?.(event.fault);
});
await recording.start();
await health.start();

/** Resolves when the camera's fault becomes `fault` (at once when it is already). */
function faultBecomes(simId: string, fault: string | null, timeoutMs: number): Promise<boolean> {
  if ((faults.get(simId) ?? null) === fault && faults.has(simId)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    waiters.set(simId, (now) => {
      if (now !== fault) return;
      clearTimeout(timer);
      waiters.delete(simId);
      resolve(true);
    });
  });
}

async function measure(c: (typeof cases)[number]): Promise<number[]> {
  const samples: number[] = [];
  await faultBecomes(c.fault, null, 60_000);
  for (let i = 0; i < runs; i++) {
    // Let the camera settle (a clear picture or two) before the next fault.
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    const started = performance.now();
    const seen = faultBecomes(c.fault, c.expect, 60_000);
    await fetch(`${control}/cameras/${c.fault}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: c.fault }),
    });
    const ok = await seen;
    samples.push(ok ? performance.now() - started : Number.POSITIVE_INFINITY);
    await fetch(`${control}/cameras/${c.fault}/faults`, { method: 'DELETE' });
    await faultBecomes(c.fault, null, 60_000);
  }
  return samples;
}

/** CPU seconds of this process's sampler ffmpegs (the ones decoding key frames only). */
function samplerCpu(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const cmd = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (cmd.includes('skip_frame') && cmd.includes('rawvideo'))
      total += cpuSeconds(Number(pid), false);
  }
  return total;
}

const cpuFrom = samplerCpu();
const cpuStart = performance.now();
const results = await Promise.all(cases.map(async (c) => ({ ...c, samples: await measure(c) })));
const samplerCores = (samplerCpu() - cpuFrom) / ((performance.now() - cpuStart) / 1000);

health.stop();
await recording.stop();
await sim.stop();
await booted.close();
rmSync(dataDir, { recursive: true, force: true });

const rows = results.map((r) => {
  const summary = summarise(r.samples);
  const sorted = [...r.samples].sort((a, b) => a - b);
  return {
    fault: r.fault,
    event: r.expect,
    runs: r.samples.length,
    medianMs: Math.round(sorted[Math.floor((sorted.length - 1) / 2)]!),
    maxMs: Math.round(summary.max),
    targetMs: r.targetMs,
    met: summary.max <= r.targetMs,
  };
});
const file = writeResult('health-latency', {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, loadAverage: os.loadavg() },
  timings: health.timings,
  samplerCoresPerCamera: Math.round((samplerCores / cases.length) * 10_000) / 10_000,
  results: results.map((r, i) => ({ ...rows[i], samplesMs: r.samples.map(Math.round) })),
});
console.table(rows);
console.log(
  `sampler CPU per camera: ${((samplerCores / cases.length) * 100).toFixed(2)}% of a core`,
);
console.log(`results written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
