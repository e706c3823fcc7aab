// PS packaging throughput (GB/T 28181 media path) on a real H.264 clip, against a plain memory
// copy of the same access units in the same run; also PS plus RTP packetisation.
// Run: npx tsx bench/gb28181-ps.bench.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { PsMuxer, RtpPacketizer, splitAccessUnits, type AccessUnit } from '@gardenwatch/gb28181';

const SECONDS = 10;
const FPS = 25;
const PASSES = 20;
const RUNS = 7;

function encodeClip(): Buffer {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gb28181-bench-')), 'clip.h264');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=1280x720:rate=${FPS}`,
    '-t',
    String(SECONDS),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    '4M',
    '-bf',
    '0',
    '-g',
    String(FPS * 2),
    '-bsf:v',
    'h264_mp4toannexb',
    '-f',
    'h264',
    file,
  ]);
  return readFileSync(file);
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

/**
 * Median wall and CPU time of `work` over RUNS runs, after one warm-up. On a shared machine the
 * wall time includes waiting for a core, so the CPU time is the fairer measure.
 */
function time(work: () => number): { ms: number; cpuMs: number; checksum: number } {
  let checksum = work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    checksum += work();
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: median(wall), cpuMs: median(cpu), checksum };
}

function copyAll(units: AccessUnit[]): number {
  let bytes = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    for (const unit of units) {
      const copy = Buffer.allocUnsafe(unit.data.length);
      unit.data.copy(copy);
      bytes += copy.length;
    }
  }
  return bytes;
}

function muxAll(units: AccessUnit[], packetize: boolean): number {
  let bytes = 0;
  const muxer = new PsMuxer({ codec: 'h264' });
  const packetizer = new RtpPacketizer({ ssrc: 100000001 });
  for (let pass = 0; pass < PASSES; pass++) {
    for (const [i, unit] of units.entries()) {
      const pts = (pass * units.length + i) * (90_000 / FPS);
      const ps = muxer.mux({ data: unit.data, pts, keyframe: unit.keyframe });
      if (!packetize) {
        bytes += ps.length;
        continue;
      }
      for (const packet of packetizer.packetize(ps, pts)) bytes += packet.length;
    }
  }
  return bytes;
}

const stream = encodeClip();
const units = splitAccessUnits(stream, 'h264');
const inputMb = (stream.length * PASSES) / 1e6;
const copy = time(() => copyAll(units));
const ps = time(() => muxAll(units, false));
const psRtp = time(() => muxAll(units, true));

const mbps = (ms: number) => Number((inputMb / (ms / 1000)).toFixed(1));
const row = (t: { ms: number; cpuMs: number }) => ({
  medianWallMs: Number(t.ms.toFixed(2)),
  medianCpuMs: Number(t.cpuMs.toFixed(2)),
  mbPerSWall: mbps(t.ms),
  mbPerSCpu: mbps(t.cpuMs),
  ratioToCopyCpu: Number((copy.cpuMs / t.cpuMs).toFixed(3)),
  ratioToCopyWall: Number((copy.ms / t.ms).toFixed(3)),
});
const videoSeconds = SECONDS * PASSES;
const result = {
  benchmark: 'gb28181-ps',
  date: new Date().toISOString(),
  node: process.version,
  clip: {
    codec: 'h264',
    size: '1280x720',
    fps: FPS,
    seconds: SECONDS,
    bytes: stream.length,
    accessUnits: units.length,
    bitrateMbit: Number(((stream.length * 8) / SECONDS / 1e6).toFixed(2)),
  },
  passes: PASSES,
  runs: RUNS,
  loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)),
  cores: os.cpus().length,
  memoryCopy: row(copy),
  psMux: row(ps),
  psMuxRtp: {
    ...row(psRtp),
    cpuMsPerVideoSecond: Number((psRtp.cpuMs / videoSeconds).toFixed(3)),
    streamsPerCoreAtClipBitrate: Math.floor((videoSeconds * 1000) / psRtp.cpuMs),
  },
  checksum: copy.checksum + ps.checksum + psRtp.checksum,
};

mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  path.join(import.meta.dirname, 'results', 'gb28181-ps.json'),
  JSON.stringify(result, null, 2) + '\n',
);
const table = (r: ReturnType<typeof row>) => ({
  'CPU ms': r.medianCpuMs,
  'MB/s (CPU)': r.mbPerSCpu,
  'ratio (CPU)': r.ratioToCopyCpu,
  'wall ms': r.medianWallMs,
  'MB/s (wall)': r.mbPerSWall,
  'ratio (wall)': r.ratioToCopyWall,
});
console.table({
  'memory copy': table(result.memoryCopy),
  'PS mux': table(result.psMux),
  'PS mux + RTP': table(result.psMuxRtp),
});
console.log(
  `${result.clip.accessUnits} access units, ${result.clip.bitrateMbit} Mbit/s, x${PASSES} passes, ` +
    `load ${result.loadAverage1m} on ${result.cores} cores; PS+RTP costs ` +
    `${result.psMuxRtp.cpuMsPerVideoSecond} ms CPU per second of video ` +
    `(~${result.psMuxRtp.streamsPerCoreAtClipBitrate} such streams per core).`,
);
