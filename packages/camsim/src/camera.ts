import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Credentials } from './rtsp/auth.ts';
import { parseFault, type Fault, type FaultInput, type FaultKind } from './faults.ts';
import type { ClipInfo } from './media/clip-probe.ts';
import { pictureGraph, type Overlay, type PictureFault } from './media/picture-filters.ts';
import { StreamSource } from './media/stream-source.ts';

export type StreamKind = 'main' | 'sub';
export const streamKinds: readonly StreamKind[] = ['main', 'sub'];

export interface StreamInfo {
  width: number;
  height: number;
  fps: number;
}

export interface CameraStream {
  info: StreamInfo;
  source: StreamSource;
  clip: ClipInfo;
}

export interface SimCameraOptions {
  id: string;
  clip: ClipInfo;
  credentials: Credentials;
  ffmpegPath: string;
  overlay: Overlay;
  transcode: 'auto' | 'always';
  subWidth: number;
  keyframeSeconds: number;
  idleStopMs: number;
  onProcessError: (cameraId: string, stream: StreamKind, message: string) => void;
}

export interface CameraState {
  id: string;
  reachable: boolean;
  faults: Fault[];
  streams: Record<StreamKind, StreamInfo & { running: boolean }>;
}

/** One simulated camera: its two streams, its credentials and the faults applied to it. */
export class SimCamera {
  readonly id: string;
  readonly streams: Record<StreamKind, CameraStream>;
  private readonly faults = new Map<FaultKind, Fault>();
  private readonly connections = new Set<Socket>();
  private rebootTimer: NodeJS.Timeout | null = null;
  private rotatedPassword: string | null = null;
  /** Called when a disconnect or reboot starts or ends. */
  onReachabilityChange: (reachable: boolean) => void = () => undefined;

  constructor(private readonly options: SimCameraOptions) {
    this.id = options.id;
    this.streams = {
      main: this.createStream('main', mainSize(options.clip)),
      sub: this.createStream('sub', subSize(options.clip, options.subWidth)),
    };
    this.applyPicture();
  }

  get reachable(): boolean {
    return !this.faults.has('disconnect') && !this.faults.has('reboot');
  }

  get credentials(): Credentials {
    const { username, password } = this.options.credentials;
    return { username, password: this.rotatedPassword ?? password };
  }

  state(): CameraState {
    const stream = (kind: StreamKind) => ({
      ...this.streams[kind].info,
      running: this.streams[kind].source.running,
    });
    return {
      id: this.id,
      reachable: this.reachable,
      faults: [...this.faults.values()],
      streams: { main: stream('main'), sub: stream('sub') },
    };
  }

  /** Tracks an RTSP connection that a disconnect or reboot must close. */
  attach(socket: Socket): void {
    this.connections.add(socket);
    socket.once('close', () => this.connections.delete(socket));
  }

  inject(input: FaultInput): Fault {
    const fault = parseFault(input);
    const wasReachable = this.reachable;
    this.faults.set(fault.kind, fault);
    switch (fault.kind) {
      case 'disconnect':
        this.dropConnections();
        break;
      case 'reboot':
        this.reboot(fault.seconds);
        break;
      case 'stall':
        this.forEachSource((source) => source.halt());
        break;
      case 'wrong-credentials':
        this.rotatedPassword = randomBytes(9).toString('base64url');
        this.dropConnections();
        break;
      case 'freeze':
      case 'black':
      case 'blur':
      case 'turn':
        this.applyPicture();
        break;
    }
    if (wasReachable !== this.reachable) this.onReachabilityChange(this.reachable);
    return fault;
  }

  /** Removes one fault, or all of them. */
  clear(kind?: FaultKind): void {
    const kinds = kind ? [kind] : [...this.faults.keys()];
    const wasReachable = this.reachable;
    for (const each of kinds) this.faults.delete(each);
    if (kinds.includes('reboot') && this.rebootTimer) {
      clearTimeout(this.rebootTimer);
      this.rebootTimer = null;
    }
    if (kinds.includes('wrong-credentials')) this.rotatedPassword = null;
    this.applyPicture();
    if (!this.faults.has('stall') && !this.faults.has('reboot')) {
      this.forEachSource((source) => source.resume());
    }
    if (wasReachable !== this.reachable) this.onReachabilityChange(this.reachable);
  }

  stop(): void {
    if (this.rebootTimer) clearTimeout(this.rebootTimer);
    this.dropConnections();
    this.forEachSource((source) => source.stop());
  }

  private reboot(seconds: number): void {
    if (this.rebootTimer) clearTimeout(this.rebootTimer);
    this.dropConnections();
    this.forEachSource((source) => source.halt());
    this.rebootTimer = setTimeout(() => {
      this.rebootTimer = null;
      this.clear('reboot');
    }, seconds * 1000);
  }

  private dropConnections(): void {
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
  }

  private applyPicture(): void {
    const faults = new Set<PictureFault>(
      (['freeze', 'black', 'blur', 'turn'] as const).filter((kind) => this.faults.has(kind)),
    );
    for (const kind of streamKinds) {
      const { info, clip, source } = this.streams[kind];
      const graph = pictureGraph({
        source: clip,
        output: info,
        faults,
        overlay: this.options.overlay,
        forceEncode: this.options.transcode === 'always',
      });
      source.setGraph(graph);
    }
  }

  private forEachSource(action: (source: StreamSource) => void): void {
    for (const kind of streamKinds) action(this.streams[kind].source);
  }

  private createStream(kind: StreamKind, size: { width: number; height: number }): CameraStream {
    const { clip } = this.options;
    const source = new StreamSource({
      ffmpegPath: this.options.ffmpegPath,
      clip,
      keyframeSeconds: this.options.keyframeSeconds,
      idleStopMs: this.options.idleStopMs,
      onProcessError: (message) => this.options.onProcessError(this.id, kind, message),
    });
    return { info: { ...size, fps: clip.fps }, source, clip };
  }
}

function even(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

function mainSize(clip: ClipInfo): { width: number; height: number } {
  return { width: clip.width, height: clip.height };
}

/** The sub stream is `subWidth` wide, or half the main width when the clip is not wider. */
function subSize(clip: ClipInfo, subWidth: number): { width: number; height: number } {
  const width = clip.width > subWidth ? subWidth : even(clip.width / 2);
  return { width: even(width), height: even((clip.height * width) / clip.width) };
}
