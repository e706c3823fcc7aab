import { randomUUID } from 'node:crypto';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type {
  CameraVideoAccess,
  StreamKind,
  WatchableCamera,
} from '../cameras/camera-video-access.ts';
import type { CameraContext } from '../cameras/cameras.service.ts';
import { recordCameraSight } from '../cameras/camera-sight-audit.ts';
import { LiveRelay, type LiveViewer } from './live-relay.ts';

export interface LiveServiceDeps {
  access: CameraVideoAccess;
  audit: AuditService;
  tools: () => FfmpegTools;
  logger: Logger;
  now: () => Date;
  /** A relay without viewers stops after this long. */
  idleStopMs: number;
  restartDelayMs?: number;
}

/** One viewer watching one stream; close it exactly once when the viewer goes. */
export interface LiveSession {
  readonly id: string;
  close(): Promise<void>;
}

/** Live view: the relays of the streams being watched, and an audited session per viewer. */
export class LiveService {
  private readonly relays = new Map<string, LiveRelay>();

  constructor(private readonly deps: LiveServiceDeps) {}

  /** Checks `can(video.live)` (403 and an audit row when refused). */
  authorize(ctx: CameraContext, cameraId: string): Promise<WatchableCamera> {
    return this.deps.access.authorize(ctx, cameraId, 'video.live');
  }

  /** Starts an authorised viewer's session: audited now and again when it closes. */
  async open(
    ctx: CameraContext,
    camera: WatchableCamera,
    stream: StreamKind,
    viewer: Omit<LiveViewer, 'id'>,
  ): Promise<LiveSession> {
    const id = randomUUID();
    const startedAt = this.deps.now().getTime();
    await recordCameraSight(this.deps.audit, ctx, {
      cameraId: camera.id,
      action: 'video.live.start',
      details: { sessionId: id, stream },
    });
    const relay = this.relayFor(camera, stream);
    relay.add({ id, send: (data) => viewer.send(data), backlog: () => viewer.backlog() });
    this.deps.logger.info({ cameraId: camera.id, stream, sessionId: id }, 'live.session.opened');

    let closed = false;
    return {
      id,
      close: async () => {
        if (closed) return;
        closed = true;
        const bytesSent = relay.remove(id);
        const durationMs = this.deps.now().getTime() - startedAt;
        await recordCameraSight(this.deps.audit, ctx, {
          cameraId: camera.id,
          action: 'video.live.end',
          details: { sessionId: id, stream, durationMs, bytesSent },
        });
        this.deps.logger.info(
          { cameraId: camera.id, sessionId: id, durationMs },
          'live.session.closed',
        );
      },
    };
  }

  /** The running relay of a stream, if any (for health views and tests). */
  relay(cameraId: string, stream: StreamKind): LiveRelay | undefined {
    return this.relays.get(`${cameraId}/${stream}`);
  }

  get relayCount(): number {
    return this.relays.size;
  }

  async stop(): Promise<void> {
    const relays = [...this.relays.values()];
    this.relays.clear();
    await Promise.all(relays.map((relay) => relay.stop()));
  }

  private relayFor(camera: WatchableCamera, stream: StreamKind): LiveRelay {
    const key = `${camera.id}/${stream}`;
    const running = this.relays.get(key);
    if (running && !running.isStopped) return running;

    const relay: LiveRelay = new LiveRelay({
      cameraId: camera.id,
      stream,
      url: camera.streamUrl(stream),
      tools: this.deps.tools(),
      logger: this.deps.logger,
      idleStopMs: this.deps.idleStopMs,
      restartDelayMs: this.deps.restartDelayMs ?? 2000,
      onIdle: () => {
        if (this.relays.get(key) === relay) this.relays.delete(key);
      },
    });
    this.relays.set(key, relay);
    return relay;
  }
}
