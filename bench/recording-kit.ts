/**
 * Recording benchmarks' shared parts: a pre-encoded 1080p, 4 Mb/s clip served to N RTSP
 * cameras by GStreamer's RTSP server (apps/server/test/rtsp-source.py, no re-encoding, its CPU
 * not counted), Gardenwatch's recorder in its own process (recording-worker.ts), and optionally
 * N bare `ffmpeg -c copy -f segment` processes on the same streams.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, waitForLine } from './bench-kit.ts';
import { cpuSeconds } from './proc-cpu.ts';

export const clip = path.join(root, '.tmp/bench-1080p-4mbps.h264');
const WARMUP_MS = 12_000;
export const SEGMENT_SECONDS = 4;

export function encodeClip(): void {
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

interface Side {
  cpuSeconds: number;
  /** Gardenwatch only: the Node process's share (index, checks, database), ffmpeg excluded. */
  nodeCores?: number;
  /** Share of one core. */
  cores: number;
  segments: number;
  expectedSegments: number;
}

export async function runScenario(count: number, windowSeconds: number, withBare: boolean) {
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
    const report = JSON.parse(await reportLine) as {
      perCamera: number[];
      gaps: number;
      holes: number;
    };
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
    const allRecorded =
      report.perCamera.every((n) => n >= expected) && report.gaps === 0 && report.holes === 0;
    return {
      cameras: count,
      windowSeconds,
      gardenwatch: gw,
      bare: withBare ? bareSide : null,
      gaps: report.gaps,
      holes: report.holes,
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

export const round = (value: number): number => Math.round(value * 1000) / 1000;
