/**
 * 64 concurrent GB/T 28181 live sessions on this machine: one camsim serves the cameras over
 * RTSP, the gateway (its own process: Node, PGlite, one ffmpeg per session pulling RTSP and
 * copying H.264 out, repackaged into PS over RTP in Node) sends to 64 UDP receivers on
 * loopback. In the same run, the baseline: as many bare
 * `ffmpeg -rtsp_transport tcp -i ... -c copy -f rtp_mpegts` processes reading the same streams,
 * which is the cheapest way to pull RTSP and push RTP, with no GB/T 28181 in it. CPU is read
 * from /proc for the gateway process and its ffmpeg children, and for the bare processes.
 * Run: `npx tsx bench/gb28181-sessions.bench.ts`.
 * Environment: BENCH_SESSIONS (default 64), BENCH_CAMERAS (default 8), BENCH_SECONDS
 * (measured window, default 20), BENCH_WARMUP_SECONDS (longest wait for every
 * session to receive, default 30).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startCamsim, type Camsim } from '@gardenwatch/camsim';
import { RtpReassembler, ssrcNumber } from '@gardenwatch/gb28181';
import { freePort, UpperPlatformSim, type SimCall } from '@gardenwatch/gb28181/testing';
import { cpuSeconds } from './proc-cpu.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultFile = path.join(root, 'bench/results/gb28181-sessions.json');
const clip = path.join(root, '.tmp/bench-720p-2mbps-nobf-120s.mp4');
const sessions = Number(process.env.BENCH_SESSIONS ?? 64);
const cameraCount = Number(process.env.BENCH_CAMERAS ?? 8);
const windowSeconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupMs = Number(process.env.BENCH_WARMUP_SECONDS ?? 30) * 1000;
const FPS = 25;
/** Sessions open one after another, this far apart, as a police platform's operators would. */
const STAGGER_MS = 100;
const UPPER = '44030000002000000001';
const PLATFORM = '44030500112000000001';
const PASSWORD = 'bench-secret';

/**
 * 720p25 at 2 Mb/s, no B-frames, so that camsim sends it as it is instead of encoding. Two
 * minutes long, longer than either side runs: camsim stalls where a stream-copied clip loops
 * (ffmpeg 5.1, `-stream_loop -1 -re -c copy`), which would starve every session at once.
 */
function encodeClip(): void {
  if (existsSync(clip)) return;
  mkdirSync(path.dirname(clip), { recursive: true });
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1280x720:rate=${FPS}`],
    ...['-t', '120', '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', String(FPS)],
    ...['-b:v', '2M', '-maxrate', '2M', '-bufsize', '2M', '-pix_fmt', 'yuv420p'],
    ...['-movflags', '+faststart', clip],
  ]);
}

/** Counts what one receiver gets; PS receivers also count frames reassembled whole or not. */
class Receiver {
  packets = 0;
  bytes = 0;
  frames = 0;
  incomplete = 0;
  private readonly reassembler: RtpReassembler | null;

  private constructor(
    readonly socket: dgram.Socket,
    ssrc: string | null,
  ) {
    this.reassembler = ssrc ? new RtpReassembler(ssrcNumber(ssrc)) : null;
    socket.on('message', (packet) => this.onPacket(packet));
  }

  static async open(ssrc: string | null): Promise<Receiver> {
    const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 * 1024 * 1024 });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new Receiver(socket, ssrc);
  }

  get port(): number {
    return this.socket.address().port;
  }

  private onPacket(packet: Buffer): void {
    this.packets++;
    this.bytes += packet.length;
    for (const frame of this.reassembler?.push(packet) ?? []) {
      if (frame.complete) this.frames++;
      else this.incomplete++;
    }
  }

  snapshot() {
    return { packets: this.packets, bytes: this.bytes, frames: this.frames, lost: this.incomplete };
  }

  close(): void {
    this.socket.close();
  }
}

type Snapshot = ReturnType<Receiver['snapshot']>;

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} in ${timeoutMs} ms`)),
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

/**
 * Until every receiver has had packets (or the warm-up is over), then a few seconds more so
 * that start-up bursts fall outside the window; returns how many are still silent.
 */
async function warmUp(receivers: Receiver[]): Promise<number> {
  const until = Date.now() + warmupMs;
  while (Date.now() < until && receivers.some((r) => r.packets === 0)) await sleep(250);
  await sleep(3000);
  return receivers.filter((r) => r.packets === 0).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number, places = 3) => Number(value.toFixed(places));

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** Per-session rates over the window, and the sessions that fell behind the camera. */
function perSession(before: Snapshot[], after: Snapshot[], withFrames: boolean) {
  const rows = after.map((end, i) => {
    const start = before[i]!;
    return {
      packetsPerSecond: (end.packets - start.packets) / windowSeconds,
      kbitPerSecond: ((end.bytes - start.bytes) * 8) / 1000 / windowSeconds,
      framesPerSecond: (end.frames - start.frames) / windowSeconds,
      lostFrames: end.lost - start.lost,
    };
  });
  const stat = (pick: (row: (typeof rows)[number]) => number) => {
    const values = rows.map(pick);
    return {
      min: round(Math.min(...values), 1),
      median: round(median(values), 1),
      max: round(Math.max(...values), 1),
    };
  };
  const kbit = rows.map((row) => row.kbitPerSecond);
  return {
    packetsPerSecond: stat((row) => row.packetsPerSecond),
    kbitPerSecond: stat((row) => row.kbitPerSecond),
    ...(withFrames
      ? {
          framesPerSecond: stat((row) => row.framesPerSecond),
          lostFrames: rows.reduce((sum, row) => sum + row.lostFrames, 0),
          // Starving: under 90% of the camera's frame rate over the window.
          starved: rows.filter((row) => row.framesPerSecond < FPS * 0.9).length,
        }
      : {}),
    // Starving without frames to count: under half the median bit rate.
    belowHalfMedianBitrate: kbit.filter((value) => value < median(kbit) / 2).length,
  };
}

/** Measures CPU of `pids()` (with children when asked) and of this process over the window. */
async function measure(pids: () => Array<{ pid: number; children: boolean }>, rx: Receiver[]) {
  const cpu = () => pids().reduce((sum, p) => sum + cpuSeconds(p.pid, p.children), 0);
  const before = rx.map((r) => r.snapshot());
  const cpuBefore = cpu();
  const mainBefore = process.cpuUsage();
  await sleep(windowSeconds * 1000);
  const used = cpu() - cpuBefore;
  const main = process.cpuUsage(mainBefore);
  const after = rx.map((r) => r.snapshot());
  const bits = after.reduce((sum, end, i) => sum + (end.bytes - before[i]!.bytes) * 8, 0);
  const deliveredMbit = bits / 1e6 / windowSeconds;
  return {
    before,
    after,
    cores: round(used / windowSeconds),
    deliveredMbitPerSecond: round(deliveredMbit, 1),
    // CPU per megabit delivered: fair when an overloaded machine delivers less on one side.
    cpuMsPerMbit:
      deliveredMbit > 0 ? round((used * 1000) / windowSeconds / deliveredMbit, 2) : null,
    benchProcessCores: round((main.user + main.system) / 1e6 / windowSeconds),
  };
}

async function gatewayPhase(sim: Camsim, urls: string[]) {
  const upper = await UpperPlatformSim.create({
    transport: 'udp',
    id: UPPER,
    domain: UPPER.slice(0, 10),
    password: PASSWORD,
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-bench-gb-'));
  const sipPort = await freePort();
  const worker = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench/gateway-sessions-worker.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: path.join(dir, 'gw'),
        BENCH_CAMERA_URLS: JSON.stringify(
          urls.map((url, i) => ({ url, ...sim.credentials(`cam${i}`) })),
        ),
        BENCH_UPPER_PORT: String(upper.port),
        BENCH_SIP_PORT: String(sipPort),
        BENCH_UPPER_ID: UPPER,
        BENCH_PLATFORM_ID: PLATFORM,
        BENCH_PASSWORD: PASSWORD,
      },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const receivers: Receiver[] = [];
  try {
    const ready = await waitForLine(worker, /^ready /, 120_000);
    const { channels } = JSON.parse(ready.slice(6)) as { channels: string[] };
    const target = { host: '127.0.0.1', port: sipPort };
    const calls: SimCall[] = [];
    for (let i = 0; i < sessions; i++) {
      const ssrc = `0${String(100_000_000 + i)}`;
      const receiver = await Receiver.open(ssrc);
      receivers.push(receiver);
      const call = await upper.invite(target, channels[i % channels.length]!, {
        sessionName: 'Play',
        transport: 'udp',
        address: '127.0.0.1',
        port: receiver.port,
        ssrc,
      });
      calls.push(call);
      await sleep(STAGGER_MS);
    }
    const accepted = calls.filter((call) => call.status === 200).length;
    const silentAfterWarmup = await warmUp(receivers);
    const measured = await measure(() => [{ pid: worker.pid!, children: true }], receivers);
    const nodeOnly = await measureNodeShare(worker.pid!);
    await Promise.all(calls.map((call) => call.bye().catch(() => 0)));
    return {
      accepted,
      silentAfterWarmup,
      cores: measured.cores,
      deliveredMbitPerSecond: measured.deliveredMbitPerSecond,
      cpuMsPerMbit: measured.cpuMsPerMbit,
      nodeCoresAfterWindow: nodeOnly,
      benchProcessCores: measured.benchProcessCores,
      perSession: perSession(measured.before, measured.after, true),
    };
  } finally {
    receivers.forEach((r) => r.close());
    worker.stdin.write('stop\n');
    await Promise.race([new Promise((resolve) => worker.once('exit', resolve)), sleep(15_000)]);
    if (worker.exitCode === null) worker.kill('SIGKILL');
    await upper.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The gateway's Node process alone (no ffmpeg), over a short second window. */
async function measureNodeShare(pid: number): Promise<number> {
  const before = cpuSeconds(pid, false);
  await sleep(5000);
  return round((cpuSeconds(pid, false) - before) / 5);
}

async function barePhase(urls: string[]) {
  const receivers: Receiver[] = [];
  const bare: ChildProcess[] = [];
  try {
    for (let i = 0; i < sessions; i++) {
      const receiver = await Receiver.open(null);
      receivers.push(receiver);
      bare.push(
        spawn(
          'ffmpeg',
          [
            ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-rtsp_transport', 'tcp'],
            ...['-i', urls[i % urls.length]!, '-map', '0:v:0', '-c', 'copy', '-f', 'rtp_mpegts'],
            `rtp://127.0.0.1:${receiver.port}`,
          ],
          { stdio: 'ignore' },
        ),
      );
      await sleep(STAGGER_MS);
    }
    const silentAfterWarmup = await warmUp(receivers);
    const measured = await measure(
      () => bare.map((p) => ({ pid: p.pid!, children: false })),
      receivers,
    );
    return {
      silentAfterWarmup,
      cores: measured.cores,
      deliveredMbitPerSecond: measured.deliveredMbitPerSecond,
      cpuMsPerMbit: measured.cpuMsPerMbit,
      benchProcessCores: measured.benchProcessCores,
      perSession: perSession(measured.before, measured.after, false),
    };
  } finally {
    bare.forEach((p) => p.kill('SIGKILL'));
    receivers.forEach((r) => r.close());
  }
}

/** One camsim serving every camera for the length of `work`. */
async function withCamsim<T>(work: (sim: Camsim) => Promise<T>): Promise<T> {
  const sim = await startCamsim({
    cameras: Array.from({ length: cameraCount }, (_, i) => ({ id: `cam${i}`, clip })),
    transcode: 'auto',
  });
  try {
    return await work(sim);
  } finally {
    await sim.stop();
  }
}

async function main(): Promise<void> {
  encodeClip();
  const cameras = Array.from({ length: cameraCount }, (_, i) => `cam${i}`);
  // A fresh camsim per side, so that neither reaches the end of the clip.
  const bare = await withCamsim((sim) =>
    barePhase(cameras.map((id) => sim.url(id, 'main', { withCredentials: true }))),
  );
  const gateway = await withCamsim((sim) =>
    gatewayPhase(
      sim,
      cameras.map((id) => sim.url(id, 'main')),
    ),
  );
  report(gateway, bare);
}

function report(
  gateway: Awaited<ReturnType<typeof gatewayPhase>>,
  bare: Awaited<ReturnType<typeof barePhase>>,
): void {
  const output = {
    benchmark: 'gb28181-sessions',
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((v) => round(v, 2)) },
    node: process.version,
    stream: { resolution: '1280x720', fps: FPS, bitrateMbit: 2, cameras: cameraCount },
    sessions,
    windowSeconds,
    gateway,
    bare,
    cpuRatioGatewayToBare: bare.cores > 0 ? round(gateway.cores / bare.cores) : null,
    cpuPerMbitRatioGatewayToBare:
      gateway.cpuMsPerMbit && bare.cpuMsPerMbit
        ? round(gateway.cpuMsPerMbit / bare.cpuMsPerMbit)
        : null,
  };
  mkdirSync(path.dirname(resultFile), { recursive: true });
  writeFileSync(resultFile, `${JSON.stringify(output, null, 2)}\n`);
  const row = (side: typeof gateway | typeof bare) => ({
    'CPU cores': side.cores,
    'Mbit/s delivered': side.deliveredMbitPerSecond,
    'CPU ms per Mbit': side.cpuMsPerMbit,
    'kbit/s per session (min/median/max)': Object.values(side.perSession.kbitPerSecond).join(' / '),
    'packets/s per session (median)': side.perSession.packetsPerSecond.median,
    'silent after warm-up': side.silentAfterWarmup,
  });
  console.table({ 'gateway (PS/RTP)': row(gateway), 'bare ffmpeg (rtp_mpegts)': row(bare) });
  console.log(
    `${sessions} sessions from ${cameraCount} cameras for ${windowSeconds} s: gateway ` +
      `${gateway.cores} cores (its Node process ${gateway.nodeCoresAfterWindow}), bare ` +
      `${bare.cores} cores, ratio ${output.cpuRatioGatewayToBare} (per Mbit delivered ` +
      `${output.cpuPerMbitRatioGatewayToBare}); frames/s per session ` +
      `${JSON.stringify(gateway.perSession.framesPerSecond)}, starved ${gateway.perSession.starved}, ` +
      `frames lost ${gateway.perSession.lostFrames}; load ${output.machine.loadAverage.join(' ')}`,
  );
  console.log(`results written to ${path.relative(root, resultFile)}`);
}

await main();
