import type { Socket } from 'node:net';
import type { SimCamera, StreamKind } from '../camera.ts';
import type { RtspAuthenticator } from './auth.ts';
import { formatResponse, RtspReader, type RtspRequest, type RtspResponse } from './message.ts';
import { describeSdp, TRACK_CONTROL } from './sdp.ts';
import { chooseTransport, RtspSession } from './rtsp-session.ts';
import type { UdpTransport } from './udp-transport.ts';

export interface RtspServerContext {
  findCamera: (id: string) => SimCamera | undefined;
  auth: RtspAuthenticator;
  udp: UdpTransport;
  /** Only this camera is served (a camera's own port); any camera when undefined. */
  onlyCamera?: string;
}

const PUBLIC_METHODS =
  'OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER, SET_PARAMETER';
const SESSION_TIMEOUT_S = 60;
const PARAMETER_SETS_WAIT_MS = 8000;

interface Target {
  camera: SimCamera;
  stream: StreamKind;
}

/** One client's RTSP connection (RFC 2326): requests in order, sessions bound to it. */
export class RtspConnection {
  private readonly reader = new RtspReader();
  private readonly sessions = new Map<string, RtspSession>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly context: RtspServerContext,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.closeSessions());
    socket.on('error', () => socket.destroy());
  }

  private onData(chunk: Buffer): void {
    for (const input of this.reader.push(chunk)) {
      if (input.kind === 'invalid') {
        this.socket.end(formatResponse(undefined, { status: 400 }));
        return;
      }
      if (input.kind === 'request') {
        const { request } = input;
        this.queue = this.queue
          .then(() => this.handle(request))
          .catch(() => {
            this.socket.destroy();
          });
      }
    }
  }

  private async handle(request: RtspRequest): Promise<void> {
    const cseq = request.headers.get('cseq');
    const response = await this.respond(request);
    if (response && !this.socket.destroyed) this.socket.write(formatResponse(cseq, response));
    if (response && request.method === 'PLAY' && response.status === 200) {
      this.sessionOf(request)?.play();
    }
  }

  /** The response, or null when the camera is gone and the connection was dropped. */
  private async respond(request: RtspRequest): Promise<RtspResponse | null> {
    const target = this.resolve(request.uri);
    if (target !== null && target !== 'unknown' && !target.camera.reachable) {
      this.socket.destroy();
      return null;
    }
    if (request.method === 'OPTIONS' && target !== null) {
      return { status: 200, headers: { Public: PUBLIC_METHODS } };
    }
    if (target === 'unknown' || target === null) return { status: 404 };

    target.camera.attach(this.socket);
    const authorized = this.context.auth.verify(
      request.headers.get('authorization'),
      request.method,
      target.camera.credentials,
    );
    if (!authorized) {
      return { status: 401, headers: { 'WWW-Authenticate': this.context.auth.challenges() } };
    }
    return this.dispatch(request, target);
  }

  private async dispatch(request: RtspRequest, target: Target): Promise<RtspResponse> {
    switch (request.method) {
      case 'DESCRIBE':
        return this.describe(request, target);
      case 'SETUP':
        return this.setup(request, target);
      case 'PLAY':
        return this.play(request);
      case 'PAUSE':
        return this.withSession(request, (session) => session.pause());
      case 'TEARDOWN':
        return this.withSession(request, (session) => this.closeSession(session));
      case 'GET_PARAMETER':
      case 'SET_PARAMETER':
        return { status: 200, headers: this.sessionHeader(request) };
      default:
        return { status: 405, headers: { Allow: PUBLIC_METHODS } };
    }
  }

  private async describe(request: RtspRequest, target: Target): Promise<RtspResponse> {
    const stream = target.camera.streams[target.stream];
    const parameterSets = await stream.source.waitForParameterSets(PARAMETER_SETS_WAIT_MS);
    const sdp = describeSdp({
      sessionId: stream.source.ssrc,
      address: this.socket.localAddress?.replace('::ffff:', '') ?? '0.0.0.0',
      title: `${target.camera.id} ${target.stream}`,
      parameterSets,
      ...stream.info,
    });
    const base = `${request.uri.split('?')[0]!.replace(/\/$/, '')}/`;
    return {
      status: 200,
      headers: { 'Content-Type': 'application/sdp', 'Content-Base': base },
      body: sdp,
    };
  }

  private async setup(request: RtspRequest, target: Target): Promise<RtspResponse> {
    const header = request.headers.get('transport') ?? '';
    const clientHost = this.socket.remoteAddress?.replace('::ffff:', '') ?? '127.0.0.1';
    const transport = chooseTransport(header, clientHost);
    if (!transport) return { status: 461 };
    if (request.headers.has('session') && !this.sessionOf(request)) return { status: 454 };
    if (this.sessionOf(request)) return { status: 459 };

    const source = target.camera.streams[target.stream].source;
    const session = new RtspSession({
      socket: this.socket,
      source,
      transport,
      udp: this.context.udp,
    });
    this.sessions.set(session.id, session);
    const ssrc = source.ssrc.toString(16).padStart(8, '0').toUpperCase();
    const reply =
      transport.kind === 'tcp'
        ? `RTP/AVP/TCP;unicast;interleaved=${transport.rtpChannel}-${transport.rtcpChannel};ssrc=${ssrc}`
        : await this.udpReply(transport.rtpPort, transport.rtcpPort, ssrc);
    return {
      status: 200,
      headers: { Transport: reply, Session: `${session.id};timeout=${SESSION_TIMEOUT_S}` },
    };
  }

  private async udpReply(rtpPort: number, rtcpPort: number, ssrc: string): Promise<string> {
    const ports = await this.context.udp.ports();
    const server = `${ports.rtpPort}-${ports.rtcpPort}`;
    return `RTP/AVP;unicast;client_port=${rtpPort}-${rtcpPort};server_port=${server};ssrc=${ssrc}`;
  }

  private play(request: RtspRequest): RtspResponse {
    const session = this.sessionOf(request);
    if (!session) return { status: 454 };

    const base = request.uri.split('?')[0]!.replace(/\/$/, '');
    const trackUrl = base.endsWith(TRACK_CONTROL) ? base : `${base}/${TRACK_CONTROL}`;
    const { source } = session;
    return {
      status: 200,
      headers: {
        Session: `${session.id};timeout=${SESSION_TIMEOUT_S}`,
        Range: 'npt=0.000-',
        'RTP-Info': `url=${trackUrl};seq=${source.nextSequence()};rtptime=${source.rtpTimestampNow()}`,
      },
    };
  }

  private withSession(request: RtspRequest, action: (session: RtspSession) => void): RtspResponse {
    const session = this.sessionOf(request);
    if (!session) return { status: 454 };
    action(session);
    return { status: 200, headers: { Session: session.id } };
  }

  private sessionHeader(request: RtspRequest): Record<string, string> {
    const session = this.sessionOf(request);
    return session ? { Session: session.id } : {};
  }

  private sessionOf(request: RtspRequest): RtspSession | undefined {
    const id = request.headers.get('session')?.split(';')[0]?.trim();
    return id ? this.sessions.get(id) : undefined;
  }

  private closeSession(session: RtspSession): void {
    session.pause();
    this.sessions.delete(session.id);
  }

  private closeSessions(): void {
    for (const session of this.sessions.values()) session.pause();
    this.sessions.clear();
  }

  /** `unknown` for no camera path (OPTIONS * is fine), null for a camera that does not exist. */
  private resolve(uri: string): Target | null | 'unknown' {
    const path = uri.startsWith('rtsp://') ? safePath(uri) : uri;
    const [cameraId, stream] = (path ?? '').split('/').filter(Boolean);
    if (!cameraId) return 'unknown';
    if (stream !== 'main' && stream !== 'sub') return null;

    const camera = this.context.findCamera(decodeURIComponent(cameraId));
    if (!camera || (this.context.onlyCamera && this.context.onlyCamera !== camera.id)) return null;
    return { camera, stream };
  }
}

function safePath(uri: string): string | null {
  try {
    return new URL(uri).pathname;
  } catch {
    return null;
  }
}
