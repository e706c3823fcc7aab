import { spawn, type ChildProcess } from 'node:child_process';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import type { StreamKind } from '../cameras/camera-video-access.ts';
import { redactUrls } from '../cameras/camera-url.ts';
import { codecStringOf, isKeyFragment, Mp4BoxSplitter } from './fmp4-boxes.ts';

/** Where the relay sends what it reads: a WebSocket in production, a buffer in tests. */
export interface LiveViewer {
  readonly id: string;
  send(data: Buffer | string): void;
  /** Bytes handed to `send` and not yet written to the network. */
  backlog(): number;
}

interface ViewerState {
  viewer: LiveViewer;
  /** Waits for the next key fragment: just joined after a restart, or fell behind. */
  waitingForKey: boolean;
  bytes: number;
}

export interface LiveRelayOptions {
  cameraId: string;
  stream: StreamKind;
  url: string;
  tools: FfmpegTools;
  logger: Logger;
  idleStopMs: number;
  restartDelayMs: number;
  /** Called once the relay has stopped for good (no viewer for `idleStopMs`). */
  onIdle: () => void;
}

/** A viewer this far behind skips to the next key fragment instead of queueing more. */
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * One camera stream for every viewer: one ffmpeg pulls RTSP over TCP and copies the video into
 * fragmented MP4 (one fragment per frame) on its stdout. The relay keeps the init segment and
 * the fragments since the last key frame, so a new viewer gets the init segment and starts at
 * the latest key fragment at once, without waiting for the next one.
 */
export class LiveRelay {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private splitter = new Mp4BoxSplitter();
  private init: { mime: string; data: Buffer } | null = null;
  private gop: Buffer[] = [];
  private moof: Buffer | null = null;
  private readonly viewers = new Map<string, ViewerState>();
  private idleTimer: NodeJS.Timeout | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private stderrTail: string[] = [];

  constructor(private readonly options: LiveRelayOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  add(viewer: LiveViewer): void {
    clearTimeout(this.idleTimer);
    const state: ViewerState = { viewer, waitingForKey: true, bytes: 0 };
    this.viewers.set(viewer.id, state);
    if (!this.child) this.spawn();
    if (this.init) this.join(state);
  }

  /** Removes a viewer and returns the bytes it was sent; the last one starts the idle clock. */
  remove(id: string): number {
    const state = this.viewers.get(id);
    this.viewers.delete(id);
    if (this.viewers.size === 0 && !this.stopped) {
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.stopForIdle(), this.options.idleStopMs);
    }
    return state?.bytes ?? 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.restartTimer);
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  private async stopForIdle(): Promise<void> {
    if (this.viewers.size > 0) return;
    await this.stop();
    this.options.logger.info(
      { cameraId: this.options.cameraId, stream: this.options.stream },
      'live.relay.idle_stopped',
    );
    this.options.onIdle();
  }

  private spawn(): void {
    const { tools, url, cameraId, stream, logger } = this.options;
    this.splitter = new Mp4BoxSplitter();
    this.init = null;
    this.gop = [];
    this.moof = null;
    this.stderrTail = [];
    const child = spawn(tools.ffmpeg, relayArgs(tools, url), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.stderrTail = [...this.stderrTail, ...text.split('\n').filter(Boolean)].slice(-10);
    });
    this.exited = new Promise((resolve) => {
      child.once('close', (code) => {
        resolve();
        this.onExit(child, code);
      });
      child.once('error', () => resolve());
    });
    logger.info({ cameraId, stream, pid: child.pid }, 'live.relay.started');
  }

  private onExit(child: ChildProcess, code: number | null): void {
    if (this.child === child) this.child = null;
    if (this.stopped) return;

    const detail = redactUrls(this.stderrTail.at(-1) ?? '').slice(0, 300);
    this.options.logger.warn(
      { cameraId: this.options.cameraId, stream: this.options.stream, code, detail },
      'live.relay.exited',
    );
    this.broadcastText({ type: 'state', state: 'reconnecting' });
    if (this.viewers.size === 0) return;
    this.restartTimer = setTimeout(() => {
      if (!this.stopped && this.viewers.size > 0 && !this.child) this.spawn();
    }, this.options.restartDelayMs);
  }

  private onData(chunk: Buffer): void {
    for (const box of this.splitter.push(chunk)) {
      if (box.type === 'ftyp') this.moof = box.data;
      else if (box.type === 'moov')
        this.onInit(Buffer.concat([this.moof ?? Buffer.alloc(0), box.data]));
      else if (box.type === 'moof') this.moof = box.data;
      else if (box.type === 'mdat' && this.moof && this.init) {
        this.onFragment(Buffer.concat([this.moof, box.data]), isKeyFragment(this.moof));
        this.moof = null;
      }
    }
  }

  private onInit(data: Buffer): void {
    this.moof = null;
    const codec = codecStringOf(data);
    if (!codec) {
      // LIMITATION: only H.264 is relayed; browsers' MSE rarely decode H.265, so such a camera
      // shows the "cannot play" state instead of live video.
      this.broadcastText({ type: 'state', state: 'unsupported_codec' });
      return;
    }
    this.init = { mime: `video/mp4; codecs="${codec}"`, data };
    for (const state of this.viewers.values()) state.waitingForKey = true;
  }

  private onFragment(fragment: Buffer, key: boolean): void {
    if (key) this.gop = [fragment];
    else if (this.gop.length > 0) this.gop.push(fragment);

    for (const state of this.viewers.values()) {
      if (state.waitingForKey) {
        if (key) this.join(state);
        continue;
      }
      if (state.viewer.backlog() > MAX_BACKLOG_BYTES) {
        state.waitingForKey = true;
        continue;
      }
      this.sendTo(state, fragment);
    }
  }

  /** Init segment, then the fragments since the last key frame. */
  private join(state: ViewerState): void {
    if (!this.init || this.gop.length === 0) return;
    if (state.viewer.backlog() > MAX_BACKLOG_BYTES) return;
    state.waitingForKey = false;
    state.viewer.send(JSON.stringify({ type: 'init', mime: this.init.mime }));
    this.sendTo(state, this.init.data);
    for (const fragment of this.gop) this.sendTo(state, fragment);
  }

  private sendTo(state: ViewerState, data: Buffer): void {
    state.bytes += data.length;
    state.viewer.send(data);
  }

  private broadcastText(message: Record<string, unknown>): void {
    const text = JSON.stringify(message);
    for (const state of this.viewers.values()) state.viewer.send(text);
  }
}

/**
 * RTSP over TCP, no input buffering, video copied into fragmented MP4 with one fragment per
 * frame (`frag_every_frame`) and flushed at once: the relay adds no frame of delay.
 */
export function relayArgs(tools: FfmpegTools, url: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
    ...['-fflags', 'nobuffer', '-rtsp_transport', 'tcp'],
    ...[`-${tools.rtspTimeoutOption}`, '10000000'],
    // LIMITATION: ffmpeg takes RTSP credentials only inside the URL (see the recorder).
    ...['-i', url],
    ...['-map', '0:v:0', '-an', '-c', 'copy', '-f', 'mp4'],
    ...['-movflags', 'empty_moov+default_base_moof+frag_every_frame', '-flush_packets', '1'],
    'pipe:1',
  ];
}
