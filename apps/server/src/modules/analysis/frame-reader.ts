import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Frame } from '@gardenwatch/vision';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';

export interface FrameReaderOptions {
  tools: FfmpegTools;
  /** An RTSP URL (with credentials) or, for benchmarks and tests, a file looped for ever. */
  source: { kind: 'rtsp'; url: string } | { kind: 'file'; path: string };
  width: number;
  height: number;
  /** Frames per second handed on; the analysis admits fewer. */
  fps: number;
  onFrame: (frame: Frame) => void;
  onExit: (detail: string) => void;
}

/**
 * Decodes a stream into packed RGB frames of a fixed size (the picture letter-boxed, so that
 * body proportions are kept) at a fixed rate, timestamped on arrival.
 */
export class FrameReader {
  private child: ChildProcessByStdio<null, Readable, Readable> | undefined;
  private stopping = false;

  constructor(private readonly options: FrameReaderOptions) {}

  start(): void {
    const { tools, width, height, fps } = this.options;
    const scale =
      `fps=${fps},scale=${width}:${height}:force_original_aspect_ratio=decrease,` +
      `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2`;
    const child = spawn(
      tools.ffmpeg,
      [
        ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
        ...this.input(tools),
        ...['-map', '0:v:0', '-an', '-vf', scale, '-f', 'rawvideo', '-pix_fmt', 'rgb24'],
        'pipe:1',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    this.read(child.stdout);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-400)));
    child.once('close', (code) => {
      if (!this.stopping) this.options.onExit(`ffmpeg exited ${code ?? 'by signal'}: ${stderr}`);
    });
    child.once('error', (error) => this.options.onExit(error.message));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const closed = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGKILL');
    await closed;
  }

  private input(tools: FfmpegTools): string[] {
    const { source } = this.options;
    if (source.kind === 'file') return ['-re', '-stream_loop', '-1', '-i', source.path];
    return ['-rtsp_transport', 'tcp', `-${tools.rtspTimeoutOption}`, '8000000', '-i', source.url];
  }

  private read(stdout: Readable): void {
    const { width, height } = this.options;
    const size = width * height * 3;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    stdout.on('data', (chunk: Buffer) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < size) return;
      const all = Buffer.concat(pending);
      let offset = 0;
      for (; offset + size <= all.length; offset += size) {
        const data = new Uint8Array(all.subarray(offset, offset + size));
        this.options.onFrame({ width, height, timestampMs: Date.now(), data });
      }
      pending = offset < all.length ? [all.subarray(offset)] : [];
      pendingBytes = all.length - offset;
    });
  }
}
