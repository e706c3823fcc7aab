import { execFile } from 'node:child_process';

/**
 * Real RTSP clients for the simulator's tests: ffprobe, ffmpeg and GStreamer, run as processes.
 * Each resolves with the exit code and output instead of throwing, so tests can assert failures.
 */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], timeoutMs = 20_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout: stdout.toString('latin1'), stderr: stderr.toString('utf8') });
      },
    );
  });
}

export interface ProbedStream {
  codec: string;
  width: number;
  height: number;
}

export async function ffprobeStream(
  url: string,
  transport: 'tcp' | 'udp',
): Promise<ProbedStream | RunResult> {
  const result = await run('ffprobe', [
    ...['-v', 'error', '-rtsp_transport', transport, '-timeout', '4000000'],
    ...['-analyzeduration', '1000000', '-probesize', '1000000'],
    ...['-show_entries', 'stream=codec_name,width,height', '-of', 'json', url],
  ]);
  if (result.code !== 0) return result;

  const parsed = JSON.parse(result.stdout) as {
    streams?: { codec_name: string; width: number; height: number }[];
  };
  const stream = parsed.streams?.[0];
  if (!stream) return result;
  return { codec: stream.codec_name, width: stream.width, height: stream.height };
}

/** Grey frames (one byte per pixel) decoded from a stream of the given size. */
export async function grabGreyFrames(
  url: string,
  size: { width: number; height: number },
  count: number,
): Promise<Buffer[]> {
  const result = await runBinary('ffmpeg', [
    ...['-v', 'error', '-rtsp_transport', 'tcp', '-timeout', '4000000', '-i', url],
    ...['-frames:v', String(count), '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
  ]);
  const bytes = size.width * size.height;
  const frames: Buffer[] = [];
  for (let offset = 0; offset + bytes <= result.stdout.length; offset += bytes) {
    frames.push(result.stdout.subarray(offset, offset + bytes));
  }
  return frames;
}

function runBinary(
  command: string,
  args: string[],
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: 20_000, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}

export function meanLuma(frame: Buffer): number {
  let sum = 0;
  for (const value of frame) sum += value;
  return sum / frame.length;
}

/** Mean absolute difference of horizontally adjacent pixels: low for a blurred picture. */
export function sharpness(frame: Buffer, width: number): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i + 1 < frame.length; i += 1) {
    if ((i + 1) % width === 0) continue;
    sum += Math.abs(frame[i]! - frame[i + 1]!);
    count += 1;
  }
  return sum / count;
}

export function meanAbsDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Polls until `check` returns true or the deadline passes; returns the last outcome. */
export async function eventually(
  check: () => Promise<boolean>,
  deadlineMs: number,
): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
