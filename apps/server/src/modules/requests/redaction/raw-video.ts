import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { FfmpegTools } from '../../../platform/ffmpeg.ts';

export interface VideoInfo {
  width: number;
  height: number;
  fps: number;
  /** Frames, counted by decoding the stream's packets. */
  frames: number;
}

/** Size, rate and frame count of a clip's first video stream (ffprobe). */
export function probeVideo(tools: FfmpegTools, file: string): Promise<VideoInfo> {
  const ffprobe = tools.ffprobe ?? 'ffprobe';
  const args = [
    ...['-v', 'error', '-select_streams', 'v:0', '-count_packets'],
    ...['-show_entries', 'stream=width,height,avg_frame_rate,nb_read_packets'],
    ...['-of', 'json', file],
  ];
  return new Promise((resolve, reject) => {
    execFile(ffprobe, args, { timeout: 120_000 }, (error, stdout) => {
      if (error) return reject(new Error(`ffprobe failed on ${file}`, { cause: error }));
      const parsed = JSON.parse(stdout) as {
        streams?: {
          width: number;
          height: number;
          avg_frame_rate: string;
          nb_read_packets: string;
        }[];
      };
      const s = parsed.streams?.[0];
      if (!s) return reject(new Error(`no video stream in ${file}`));
      const [num, den] = s.avg_frame_rate.split('/').map(Number);
      resolve({
        width: s.width,
        height: s.height,
        fps: num && den ? num / den : 25,
        frames: Number(s.nb_read_packets),
      });
    });
  });
}

/**
 * Every frame of a clip as raw pixels (one Buffer per frame, reused by nobody), decoded by
 * ffmpeg at the size and pixel format asked, without dropping or repeating frames.
 */
export async function* rawFrames(
  tools: FfmpegTools,
  input: { file: string; width: number; height: number; pixFmt: 'rgb24' | 'yuv420p' },
): AsyncGenerator<Buffer> {
  const frameBytes =
    input.pixFmt === 'rgb24'
      ? input.width * input.height * 3
      : (input.width * input.height * 3) / 2;
  const child = spawn(
    tools.ffmpeg,
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', input.file],
      ...['-map', '0:v:0', '-fps_mode', 'passthrough'],
      ...['-vf', `scale=${input.width}:${input.height}`, '-pix_fmt', input.pixFmt],
      ...['-f', 'rawvideo', 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const errors = collectErrors(child);
  let frame = Buffer.allocUnsafe(frameBytes);
  let filled = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0;
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset);
        chunk.copy(frame, filled, offset, offset + n);
        filled += n;
        offset += n;
        if (filled === frameBytes) {
          yield frame;
          frame = Buffer.allocUnsafe(frameBytes);
          filled = 0;
        }
      }
    }
    const [code] = (await exitOf(child)) as [number | null];
    if (code !== 0) throw new Error(`ffmpeg decode exited ${code}: ${errors()}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

/** An ffmpeg that encodes raw YUV 4:2:0 frames written to it into an H.264 MP4. */
export class RawEncoder {
  private readonly child: ChildProcess;
  private readonly errors: () => string;

  constructor(
    tools: FfmpegTools,
    output: { file: string; width: number; height: number; fps: number; filter?: string },
  ) {
    this.child = spawn(
      tools.ffmpeg,
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
        ...['-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${output.width}x${output.height}`],
        ...['-r', String(output.fps), '-i', 'pipe:0'],
        ...(output.filter ? ['-vf', output.filter] : []),
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '23', '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', '-f', 'mp4', '-y', output.file],
      ],
      { stdio: ['pipe', 'ignore', 'pipe'] },
    );
    this.errors = collectErrors(this.child);
  }

  async write(frame: Buffer): Promise<void> {
    const stdin = this.child.stdin!;
    if (!stdin.write(frame)) await once(stdin, 'drain');
  }

  async end(): Promise<void> {
    this.child.stdin!.end();
    const [code] = (await exitOf(this.child)) as [number | null];
    if (code !== 0) throw new Error(`ffmpeg encode exited ${code}: ${this.errors()}`);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

function collectErrors(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => (text = (text + s).slice(-2000)));
  return () => text;
}

const exitOf = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve([child.exitCode]) : once(child, 'close');
