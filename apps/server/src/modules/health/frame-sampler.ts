import { spawn, type ChildProcess } from 'node:child_process';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import { classifyStreamFailure } from '../cameras/stream-failure.ts';
import type { GreyFrame } from './tamper-measures.ts';

/** Size of the samples: small enough to judge a few dozen cameras on a spare core. */
export const SAMPLE_WIDTH = 160;
export const SAMPLE_HEIGHT = 120;

export type SamplerLoss = 'offline' | 'auth_failed';

export interface FrameSamplerOptions {
  tools: FfmpegTools;
  /** The sub stream's URL with credentials (the main stream when there is no sub stream). */
  url: string;
  /** At most one frame per this interval reaches `onFrame`. */
  sampleMs: number;
  /** No frame for this long: the stream is lost and ffmpeg restarted. */
  staleMs: number;
  retryMs: number;
  authRetryMs: number;
  onFrame: (frame: GreyFrame) => void;
  onLost: (loss: SamplerLoss) => void;
}

/**
 * One long-running ffmpeg per camera that decodes key frames only (`-skip_frame nokey`),
 * scales them to 160 × 120 grey and writes them raw to a pipe: a camera's sampling costs one
 * key-frame decode per GOP, not a full decode. A process that ends or goes quiet is reported
 * lost and started again.
 */
export class FrameSampler {
  private child: ChildProcess | null = null;
  private buffered = Buffer.alloc(0);
  private lastFrameAt = 0;
  private lastEmitAt = 0;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private stderrTail: string[] = [];

  constructor(private readonly options: FrameSamplerOptions) {}

  start(): void {
    this.stopped = false;
    this.spawn();
    this.watchdog = setInterval(() => this.checkStale(), 500);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.watchdog);
    this.child?.kill('SIGKILL');
    this.child = null;
  }

  private spawn(): void {
    if (this.stopped) return;
    const { tools, url } = this.options;
    this.buffered = Buffer.alloc(0);
    this.stderrTail = [];
    // The first frame may take a stale period longer: the RTSP handshake and the probe.
    this.lastFrameAt = performance.now() + this.options.staleMs;
    const child = spawn(tools.ffmpeg, samplerArgs(tools, url), {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.stderrTail = this.stderrTail.slice(-20);
    });
    child.once('error', () => undefined);
    child.once('exit', () => {
      if (this.child !== child || this.stopped) return;
      this.child = null;
      this.lost(
        classifyStreamFailure(this.stderrTail) === 'auth_failed' ? 'auth_failed' : 'offline',
      );
    });
  }

  private onData(chunk: Buffer): void {
    const size = SAMPLE_WIDTH * SAMPLE_HEIGHT;
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= size) {
      const data = Uint8Array.from(this.buffered.subarray(0, size));
      this.buffered = this.buffered.subarray(size);
      this.lastFrameAt = performance.now();
      // A little slack, so that key frames exactly one interval apart are all taken.
      if (this.lastFrameAt - this.lastEmitAt < this.options.sampleMs * 0.9) continue;
      this.lastEmitAt = this.lastFrameAt;
      this.options.onFrame({ width: SAMPLE_WIDTH, height: SAMPLE_HEIGHT, data });
    }
  }

  private checkStale(): void {
    if (!this.child || performance.now() - this.lastFrameAt < this.options.staleMs) return;
    const child = this.child;
    this.child = null;
    child.kill('SIGKILL');
    this.lost('offline');
  }

  private lost(loss: SamplerLoss): void {
    this.options.onLost(loss);
    const delay = loss === 'auth_failed' ? this.options.authRetryMs : this.options.retryMs;
    this.retry = setTimeout(() => this.spawn(), delay);
  }
}

export function samplerArgs(tools: FfmpegTools, url: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error'],
    ...['-rtsp_transport', 'tcp', `-${tools.rtspTimeoutOption}`, '4000000'],
    ...['-analyzeduration', '1000000', '-probesize', '1000000'],
    ...['-skip_frame', 'nokey', '-i', url, '-map', '0:v:0', '-an'],
    ...['-vf', `scale=${SAMPLE_WIDTH}:${SAMPLE_HEIGHT},format=gray`, '-vsync', 'passthrough'],
    ...['-f', 'rawvideo', 'pipe:1'],
  ];
}
