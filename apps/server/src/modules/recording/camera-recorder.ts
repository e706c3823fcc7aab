import type { GapCause } from '@gardenwatch/contracts';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SupervisedProcess, type ExitReason, type FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import { redactUrls } from '../cameras/camera-url.ts';
import type { RecordingSource } from '../cameras/cameras.service.ts';
import { classifyStreamFailure, failureLine } from '../cameras/stream-failure.ts';
import type { GapBook } from './gap-book.ts';
import { SegmentClock } from './segment-clock.ts';
import { incomingDirOf } from './segment-paths.ts';
import type { SegmentStore } from './segment-store.ts';

export interface RecorderTimings {
  /** Target segment length; ffmpeg cuts at the first key frame after it. */
  segmentSeconds: number;
  /** No segment closed for this long: the stream is stalled and ffmpeg is restarted. */
  stallTimeoutMs: number;
  /** ffmpeg's own RTSP socket timeout. */
  socketTimeoutMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A camera that refuses the credentials is asked again this rarely (no tight loop). */
  authRetryMs: number;
}

export const defaultTimings: RecorderTimings = {
  segmentSeconds: 4,
  stallTimeoutMs: 20_000,
  socketTimeoutMs: 10_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  authRetryMs: 60_000,
};

export type CameraHealth = 'online' | 'offline' | 'auth_failed';

export interface CameraRecorderDeps {
  source: RecordingSource;
  tools: FfmpegTools;
  store: SegmentStore;
  gaps: GapBook;
  logger: Logger;
  timings: RecorderTimings;
  now: () => number;
  onHealth?: (cameraId: string, health: CameraHealth, message: string | null) => void;
  onDiskFull?: () => void;
}

/**
 * One camera's ffmpeg, supervised: it is started, watched for closed segments, restarted
 * with backoff when it dies or stalls, and every interval without footage is booked as a gap
 * with its cause.
 */
export class CameraRecorder {
  /** Spawns so far, and the delays chosen between them (for tests and metrics). */
  readonly attempts: { at: number; delayBeforeMs: number }[] = [];
  private proc: SupervisedProcess | null = null;
  private clock: SegmentClock | null = null;
  private codec = 'unknown';
  private segmentsThisRun = 0;
  private failures = 0;
  private lastProgress = 0;
  private stopping = false;
  private stalled = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private work: Promise<unknown> = Promise.resolve();
  private nextDelayMs = 0;

  constructor(private readonly deps: CameraRecorderDeps) {}

  get cameraId(): string {
    return this.deps.source.cameraId;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  get running(): boolean {
    return this.proc?.running ?? false;
  }

  async start(): Promise<void> {
    await mkdir(this.incomingDir, { recursive: true });
    await this.deps.store.sweepIncoming(this.cameraId);
    await this.deps.gaps.resume(this.cameraId);
    this.spawn();
  }

  /** Stops ffmpeg (the segment in progress is kept) and files what it left. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.watchdog);
    await this.proc?.stop();
    await this.work;
    await this.deps.store.sweepIncoming(this.cameraId);
  }

  private get incomingDir(): string {
    return incomingDirOf(this.deps.store.mediaDir, this.cameraId);
  }

  private spawn(): void {
    if (this.stopping) return;
    const { timings, tools } = this.deps;
    const runId = `${this.deps.now()}`;
    this.attempts.push({ at: this.deps.now(), delayBeforeMs: this.nextDelayMs });
    this.clock = new SegmentClock(this.deps.now);
    this.segmentsThisRun = 0;
    this.stalled = false;
    this.lastProgress = performance.now();
    this.proc = new SupervisedProcess({
      command: tools.ffmpeg,
      args: recorderArgs({
        tools,
        url: this.deps.source.url,
        segmentSeconds: timings.segmentSeconds,
        socketTimeoutMs: timings.socketTimeoutMs,
        output: path.join(this.incomingDir, `${runId}-%06d.ts`),
      }),
      onStdoutLine: (line) => this.enqueue(() => this.onSegmentListed(line)),
      onStderrLine: (line) => this.onStderr(line),
    });
    this.deps.logger.info(
      { cameraId: this.cameraId, pid: this.proc.pid },
      'recording.ffmpeg.started',
    );
    const proc = this.proc;
    void proc.exited.then((reason) => this.enqueue(() => this.onExit(proc, reason)));
    this.watchdog = setInterval(
      () => this.checkProgress(),
      Math.min(1000, timings.stallTimeoutMs / 4),
    );
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      this.deps.logger.error({ cameraId: this.cameraId, err: error }, 'recording.task.failed');
    });
  }

  private onStderr(line: string): void {
    if (this.codec !== 'unknown') return;
    const codec = /Stream #0:\d+.*: Video: ([a-z0-9_]+)/i.exec(line)?.[1];
    if (codec) this.codec = codec;
  }

  /** A line of ffmpeg's CSV segment list: `name,start,end`, written when a segment closes. */
  private async onSegmentListed(line: string): Promise<void> {
    const [name, start, end] = line.split(',');
    if (!name || start === undefined || end === undefined || !this.clock) return;
    const { startMs, endMs } = this.clock.place(Number(start), Number(end));
    const stored = await this.deps.store.index({
      cameraId: this.cameraId,
      file: path.join(this.incomingDir, path.basename(name)),
      startMs,
      endMs,
      codec: this.codec,
    });
    if (!stored) return;

    this.lastProgress = performance.now();
    this.segmentsThisRun += 1;
    if (this.failures > 0 || this.segmentsThisRun === 1)
      this.deps.onHealth?.(this.cameraId, 'online', null);
    this.failures = 0;
    await this.deps.gaps.close(this.cameraId, new Date(startMs));
  }

  private checkProgress(): void {
    if (!this.proc?.running || this.stalled) return;
    // Monotonic time: a jump of the server's clock is not a stalled stream.
    if (performance.now() - this.lastProgress < this.deps.timings.stallTimeoutMs) return;
    this.stalled = true;
    this.deps.logger.warn({ cameraId: this.cameraId }, 'recording.watchdog.stalled');
    void this.proc.stop();
  }

  private async onExit(proc: SupervisedProcess, reason: ExitReason): Promise<void> {
    clearInterval(this.watchdog);
    if (this.stopping) return;

    await this.deps.store.sweepIncoming(this.cameraId);
    const tail = proc.stderrTail().map(redactUrls);
    const cause = this.causeOf(reason, tail);
    const detail = describeExit(reason, tail);
    this.deps.logger.warn(
      { cameraId: this.cameraId, cause, reason: reason.kind },
      'recording.ffmpeg.exited',
    );
    await this.deps.gaps.openGap(this.cameraId, cause, detail);
    this.reportHealth(cause, detail);
    if (cause === 'disk_full') this.deps.onDiskFull?.();

    this.failures += 1;
    this.nextDelayMs = this.delayFor(cause);
    this.restartTimer = setTimeout(() => this.spawn(), this.nextDelayMs);
  }

  private causeOf(reason: ExitReason, tail: string[]): GapCause {
    if (this.stalled) return 'stream_stalled';
    if (reason.kind === 'spawn_failed' || reason.kind === 'signalled') return 'process_crashed';
    const failure = classifyStreamFailure(tail);
    if (failure === 'camera_unreachable' && this.segmentsThisRun > 0 && tail.some(isTimeout)) {
      return 'stream_stalled';
    }
    if (failure) return failure;
    // The camera ended the stream without an error: it went away.
    return reason.code === 0 ? 'camera_unreachable' : 'process_crashed';
  }

  private reportHealth(cause: GapCause, detail: string): void {
    if (cause === 'auth_failed') this.deps.onHealth?.(this.cameraId, 'auth_failed', detail);
    if (cause === 'camera_unreachable' || cause === 'stream_stalled') {
      this.deps.onHealth?.(this.cameraId, 'offline', detail);
    }
  }

  private delayFor(cause: GapCause): number {
    const { backoffBaseMs, backoffCapMs, authRetryMs } = this.deps.timings;
    if (cause === 'auth_failed') return authRetryMs;
    return Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.min(this.failures - 1, 30));
  }
}

const isTimeout = (line: string): boolean => /timed out/i.test(line);

function describeExit(reason: ExitReason, tail: string[]): string {
  const last =
    failureLine(tail) ?? tail.filter((l) => !/Opening '.*' for writing/.test(l)).at(-1) ?? '';
  const how =
    reason.kind === 'exited'
      ? `ffmpeg exited with code ${reason.code}`
      : reason.kind === 'signalled'
        ? `ffmpeg was killed by ${reason.signal}`
        : `ffmpeg could not start: ${reason.message}`;
  return `${how}${last ? `: ${last}` : ''}`.slice(0, 500);
}

export interface RecorderArgsOptions {
  tools: FfmpegTools;
  url: string;
  segmentSeconds: number;
  socketTimeoutMs: number;
  output: string;
}

/**
 * RTSP over TCP, video copied without re-encoding into MPEG-TS segments (a killed process
 * leaves a playable file). ffmpeg writes the CSV segment list to stdout as each segment
 * closes: that line is the closed-segment signal and carries the segment's stream times.
 * Files go to an incoming folder first: the segment muxer neither creates the dated folders
 * nor names files to the millisecond, so each closed file is renamed into place.
 */
export function recorderArgs(options: RecorderArgsOptions): string[] {
  const { tools, url } = options;
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel',
    'info',
    '-rtsp_transport',
    'tcp',
    `-${tools.rtspTimeoutOption}`,
    String(options.socketTimeoutMs * 1000),
    '-i',
    // LIMITATION: ffmpeg takes RTSP credentials only inside the URL, so they are in its command
    // line, readable by local users of the server through the process list (never in logs).
    url,
    // LIMITATION: only the first video stream is recorded; camera audio is not kept.
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-f',
    'segment',
    '-segment_time',
    String(options.segmentSeconds),
    '-segment_format',
    'mpegts',
    '-reset_timestamps',
    '1',
    '-segment_list',
    'pipe:1',
    '-segment_list_type',
    'csv',
    options.output,
  ];
}
