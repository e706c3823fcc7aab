import dgram from 'node:dgram';
import net from 'node:net';
import { Gb28181Error } from '../errors.ts';
import { frameRfc4571 } from './rtp.ts';

/** UDP, or TCP where we connect (`tcp-active`) or wait to be connected to (`tcp-passive`). */
export type RtpTransportMode = 'udp' | 'tcp-active' | 'tcp-passive';

export interface RtpSenderOptions {
  mode: RtpTransportMode;
  localHost: string;
  /** 0 picks a free port. */
  localPort?: number;
  remoteHost: string;
  remotePort: number;
  /** How long `connect` waits for the TCP connection. */
  connectTimeoutMs?: number;
}

export interface RtpSender {
  readonly mode: RtpTransportMode;
  /** The port to put in the SDP answer. */
  readonly localPort: number;
  /** UDP: nothing to do; TCP active: connects; TCP passive: waits for the peer to connect. */
  connect(): Promise<void>;
  /** Sends packets in order; over TCP each gets the RFC 4571 length prefix and backpressure is honoured. */
  send(packets: Buffer[]): Promise<void>;
  /** Resolves when the peer closes a TCP connection; never for UDP. */
  readonly closed: Promise<void>;
  close(): Promise<void>;
}

function mediaError(message: string, cause?: unknown): Gb28181Error {
  return new Gb28181Error('SIP_TRANSPORT_ERROR', message, { cause });
}

export async function createRtpSender(options: RtpSenderOptions): Promise<RtpSender> {
  if (options.mode === 'udp') return createUdpSender(options);
  return createTcpSender(options);
}

async function createUdpSender(options: RtpSenderOptions): Promise<RtpSender> {
  const socket = dgram.createSocket(net.isIPv6(options.localHost) ? 'udp6' : 'udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.localPort ?? 0, options.localHost, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  socket.on('error', () => {
    // ICMP port unreachable surfaces here; RTP over UDP carries on regardless.
  });
  return {
    mode: 'udp',
    localPort: socket.address().port,
    connect: async () => {},
    closed: new Promise<void>(() => {}),
    // All packets of a frame are handed to the socket at once (sends on one socket keep their
    // order); one promise per frame rather than per packet keeps many sessions cheap.
    send: (packets) =>
      new Promise<void>((resolve, reject) => {
        let pending = packets.length;
        let failure: Error | null = null;
        if (pending === 0) resolve();
        const sent = (error: Error | null) => {
          failure ??= error;
          if (--pending > 0) return;
          if (failure) reject(mediaError('rtp send failed', failure));
          else resolve();
        };
        for (const packet of packets) {
          socket.send(packet, options.remotePort, options.remoteHost, sent);
        }
      }),
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

async function createTcpSender(options: RtpSenderOptions): Promise<RtpSender> {
  const timeout = options.connectTimeoutMs ?? 10_000;
  let socket: net.Socket | null = null;
  let server: net.Server | null = null;
  let localPort = options.localPort ?? 0;
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (markClosed = resolve));

  if (options.mode === 'tcp-passive') {
    server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(localPort, options.localHost, () => resolve());
    });
    const address = server.address();
    localPort = typeof address === 'object' && address ? address.port : localPort;
  }

  const adopt = (connected: net.Socket) => {
    socket = connected;
    connected.setNoDelay(true);
    connected.on('error', () => connected.destroy());
    connected.on('close', () => markClosed());
    // The receiver sends nothing we need (RTCP over TCP is not used by GB/T 28181 peers).
    connected.on('data', () => {});
  };

  const connect = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(mediaError('rtp tcp connection timed out')), timeout);
      const done = (connected: net.Socket) => {
        clearTimeout(timer);
        adopt(connected);
        resolve();
      };
      if (server) {
        server.once('connection', (connected) => {
          server?.close();
          done(connected);
        });
        return;
      }
      const connecting = net.connect({
        host: options.remoteHost,
        port: options.remotePort,
        localAddress: options.localHost,
      });
      connecting.once('connect', () => done(connecting));
      connecting.once('error', (error) => {
        clearTimeout(timer);
        reject(mediaError('rtp tcp connect failed', error));
      });
    });

  return {
    mode: options.mode,
    get localPort() {
      return socket?.localPort ?? localPort;
    },
    connect,
    closed,
    send: async (packets) => {
      const current = socket;
      if (!current || current.destroyed) throw mediaError('rtp tcp connection is not open');
      const flushed = current.write(Buffer.concat(packets.map(frameRfc4571)));
      if (!flushed)
        await new Promise<void>((resolve) => current.once('drain', resolve).once('close', resolve));
    },
    close: async () => {
      socket?.destroy();
      server?.close();
      markClosed();
    },
  };
}
