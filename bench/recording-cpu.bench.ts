/**
 * CPU of N 1080p, 4 Mb/s RTSP cameras recorded by Gardenwatch's recorder (the recording
 * service in its own process: Node, PGlite, one ffmpeg per camera) against N bare
 * `ffmpeg -c copy -f segment` processes reading the same streams, side by side in one run.
 * Then the largest N recorded for a shorter window with every expected segment indexed.
 * Run: `npx tsx bench/recording-cpu.bench.ts`.
 *
 * The cameras are GStreamer's RTSP server (apps/server/test/rtsp-source.py) looping a
 * pre-encoded 1080p25 H.264 clip at 4 Mb/s without re-encoding; its CPU is not counted.
 * Environment: BENCH_CAMERAS (default "4,8"), BENCH_SECONDS (default 60), BENCH_MAX_N
 * (default "16,32,64"), BENCH_MAX_SECONDS (default 30).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, 'bench/results/recording-cpu.json');
const clip = path.join(root, '.tmp/bench-1080p-4mbps.h264');
const ratioCounts = (process.env.BENCH_CAMERAS ?? '4,8').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const maxCounts = (process.env.BENCH_MAX_N ?? '16,32,64').split(',').map(Number);
const maxSeconds = Number(process.env.BENCH_MAX_SECONDS ?? 30);
const WARMUP_MS = 12_000;
const SEGMENT_SECONDS = 4;
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

function encodeClip(): void {
  if (existsSync(clip)) return;
  mkdirSync(path.dirname(clip), { recursive: true });
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=1920x1080:rate=25,noise=alls=12:allf=t',
    '-t',
    '8',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-b:v',
    '4M',
    '-maxrate',
    '4M',
    '-bufsize',
    '4M',
    '-g',
    '25',
    '-keyint_min',
    '25',
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    '-x264-params',
    'aud=1',
    '-bsf:v',
    'h264_mp4toannexb',
    '-f',
    'h264',
    clip,
  ]);
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    lines.on('line', (line) => {
      if (!pattern.test(line)) return;
      clearTimeout(timer);
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}`)));
  });
}

async function startSources(count: number, port: number): Promise<ChildProcess> {
  const child = spawn(
    '/usr/bin/python3',
    [
      path.join(root, 'apps/server/test/rtsp-source.py'),
      '--port',
      String(port),
      '--file',
      clip,
      '--fps',
      '25',
      '--mounts',
      String(count),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await waitForLine(child, /^ready/, 10_000);
  return child;
}

/** CPU seconds used so far by a process and, when asked, its children (live and reaped). */
function cpuSeconds(pid: number, withChildren: boolean): number {
  const fields = (p: number): number[] => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      return stat
        .slice(stat.lastIndexOf(')') + 2)
        .split(' ')
        .map(Number);
    } catch {
      return [];
    }
  };
  // After the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  const own = fields(pid);
  let ticks = (own[11] ?? 0) + (own[12] ?? 0);
  if (withChildren) {
    ticks += (own[13] ?? 0) + (own[14] ?? 0);
    for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const f = fields(Number(entry));
      if (f[1] === pid) ticks += (f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0);
    }
  }
  return ticks / ticksPerSecond;
}

interface Side {
  cpuSeconds: number;
  /** Gardenwatch only: the Node process's share (index, checks, database), ffmpeg excluded. */
  nodeCores?: number;
  /** Share of one core. */
  cores: number;
  segments: number;
  expectedSegments: number;
}

async function runScenario(count: number, windowSeconds: number, withBare: boolean) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-rec-'));
  const sources = await startSources(count, port);
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/recording-worker.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: path.join(dir, 'gw'),
        BENCH_CAMERAS: String(count),
        BENCH_BASE_URL: `rtsp://127.0.0.1:${port}`,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const bare: ChildProcess[] = [];
  try {
    await waitForLine(worker, /^ready/, 120_000);
    if (withBare) {
      for (let i = 0; i < count; i++) {
        const out = path.join(dir, `bare${i}`);
        mkdirSync(out);
        bare.push(
          spawn(
            'ffmpeg',
            [
              '-hide_banner',
              '-nostdin',
              '-loglevel',
              'warning',
              '-rtsp_transport',
              'tcp',
              '-i',
              `rtsp://127.0.0.1:${port}/cam${i}`,
              '-map',
              '0:v:0',
              '-c',
              'copy',
              '-f',
              'segment',
              '-segment_time',
              String(SEGMENT_SECONDS),
              '-segment_format',
              'mpegts',
              '-reset_timestamps',
              '1',
              path.join(out, '%06d.ts'),
            ],
            { stdio: 'ignore' },
          ),
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));

    const from = Date.now();
    const gwBefore = cpuSeconds(worker.pid!, true);
    const nodeBefore = cpuSeconds(worker.pid!, false);
    const bareBefore = bare.map((p) => cpuSeconds(p.pid!, false));
    const bareFilesBefore = bare.map((_, i) => readdirSync(path.join(dir, `bare${i}`)).length);
    await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
    const to = Date.now();
    const gwCpu = cpuSeconds(worker.pid!, true) - gwBefore;
    const nodeCpu = cpuSeconds(worker.pid!, false) - nodeBefore;
    const bareCpu = bare.reduce((sum, p, i) => sum + cpuSeconds(p.pid!, false) - bareBefore[i]!, 0);
    const bareFiles = bare.reduce(
      (sum, _, i) => sum + readdirSync(path.join(dir, `bare${i}`)).length - bareFilesBefore[i]!,
      0,
    );

    // Segments wholly inside the window; one per camera may straddle each edge.
    const reportLine = waitForLine(worker, /^\{/, 30_000);
    worker.stdin.write(`report ${from} ${to}\n`);
    const report = JSON.parse(await reportLine) as { perCamera: number[]; gaps: number };
    const expected = Math.floor(windowSeconds / SEGMENT_SECONDS) - 1;
    const gw: Side = {
      cpuSeconds: round(gwCpu),
      cores: round(gwCpu / windowSeconds),
      nodeCores: round(nodeCpu / windowSeconds),
      segments: report.perCamera.reduce((a, b) => a + b, 0),
      expectedSegments: expected * count,
    };
    const bareSide: Side = {
      cpuSeconds: round(bareCpu),
      cores: round(bareCpu / windowSeconds),
      segments: bareFiles,
      expectedSegments: expected * count,
    };
    const allRecorded = report.perCamera.every((n) => n >= expected) && report.gaps === 0;
    return {
      cameras: count,
      windowSeconds,
      gardenwatch: gw,
      bare: withBare ? bareSide : null,
      gaps: report.gaps,
      allRecorded,
      minPerCamera: Math.min(...report.perCamera),
    };
  } finally {
    for (const p of bare) p.kill('SIGTERM');
    worker.stdin.write('stop\n');
    await new Promise((resolve) => {
      worker.once('exit', resolve);
      setTimeout(() => {
        worker.kill('SIGKILL');
      }, 15_000);
    });
    sources.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

async function main(): Promise<void> {
  encodeClip();
  const ratio = [];
  for (const count of ratioCounts) {
    const result = await runScenario(count, seconds, true);
    const r =
      result.bare && result.bare.cpuSeconds > 0
        ? round(result.gardenwatch.cpuSeconds / result.bare.cpuSeconds)
        : null;
    ratio.push({ ...result, ratio: r });
    console.log(
      `N=${count}: gardenwatch ${result.gardenwatch.cores} cores (node ${result.gardenwatch.nodeCores}), bare ${result.bare?.cores} cores, ratio ${r}`,
    );
  }
  const largest = [];
  for (const count of maxCounts) {
    const result = await runScenario(count, maxSeconds, false);
    largest.push(result);
    console.log(
      `N=${count} for ${maxSeconds}s: ${result.allRecorded ? 'every segment recorded' : 'segments missing'} (min ${result.minPerCamera}/camera, gaps ${result.gaps})`,
    );
    if (!result.allRecorded) break;
  }

  const output = {
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      loadAverage: os.loadavg().map(round),
      node: process.version,
    },
    stream: { resolution: '1920x1080', fps: 25, bitrateMbps: 4, segmentSeconds: SEGMENT_SECONDS },
    ratioTarget: 1.1,
    ratio,
    largest,
    largestRecorded:
      largest
        .filter((r) => r.allRecorded)
        .map((r) => r.cameras)
        .at(-1) ?? null,
  };
  mkdirSync(path.dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(output, null, 2)}\n`);

  console.table(
    ratio.map((r) => ({
      cameras: r.cameras,
      seconds: r.windowSeconds,
      'gardenwatch cores': r.gardenwatch.cores,
      'gw node cores': r.gardenwatch.nodeCores,
      'bare cores': r.bare?.cores,
      ratio: r.ratio,
      'gw segments': `${r.gardenwatch.segments}/${r.gardenwatch.expectedSegments}`,
      'bare segments': `${r.bare?.segments}/${r.bare?.expectedSegments}`,
    })),
  );
  console.table(
    largest.map((r) => ({
      cameras: r.cameras,
      seconds: r.windowSeconds,
      'gardenwatch cores': r.gardenwatch.cores,
      'min segments/camera': r.minPerCamera,
      gaps: r.gaps,
      'all recorded': r.allRecorded,
    })),
  );
  console.log(`results written to ${path.relative(root, resultFile)}`);
}

await main();
