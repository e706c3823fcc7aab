import dgram from 'node:dgram';
import net from 'node:net';
import { Gb28181Error } from '../errors.ts';
import { parseSipDatagram } from './sip-parser.ts';
import { serializeSipMessage } from './sip-serializer.ts';
import { SipStreamFramer } from './sip-stream-framer.ts';
import { DEFAULT_SIP_LIMITS, type SipLimits, type SipMessage } from './sip-message.ts';

export type TransportKind = 'udp' | 'tcp';

export interface Peer {
  host: string;
  port: number;
  /** Set for messages that arrived on a TCP connection; replies reuse it. */
  connectionId?: string;
}

export interface TransportOptions {
  kind: TransportKind;
  host: string;
  /** 0 picks a free port. */
  port: number;
  limits?: SipLimits;
  maxConnections?: number;
  onMessage: (message: SipMessage, from: Peer) => void;
  onError: (error: Gb28181Error, from?: Peer) => void;
}

export interface SipTransport {
  readonly kind: TransportKind;
  readonly host: string;
  readonly port: number;
  send(message: SipMessage, to: Peer): Promise<void>;
  close(): Promise<void>;
}

function guard(options: TransportOptions, from: Peer, work: () => void): void {
  try {
    work();
  } catch (cause) {
    options.onError(
      new Gb28181Error('SIP_TRANSPORT_ERROR', 'message handler threw', { cause }),
      from,
    );
  }
}

export async function createUdpTransport(options: TransportOptions): Promise<SipTransport> {
  const limits = options.limits ?? DEFAULT_SIP_LIMITS;
  const socket = dgram.createSocket(net.isIPv6(options.host) ? 'udp6' : 'udp4');
  socket.on('error', (cause) =>
    options.onError(new Gb28181Error('SIP_TRANSPORT_ERROR', 'udp socket error', { cause })),
  );
  socket.on('message', (datagram, rinfo) => {
    const from = { host: rinfo.address, port: rinfo.port };
    guard(options, from, () => {
      const parsed = parseSipDatagram(datagram, limits);
      if (parsed.ok) options.onMessage(parsed.value, from);
      else options.onError(parsed.error, from);
    });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port, options.host, () => {
      socket.off('error', reject);
      resolve();
    });
  });

  return {
    kind: 'udp',
    host: options.host,
    port: socket.address().port,
    send: (message, to) =>
      new Promise((resolve, reject) => {
        socket.send(serializeSipMessage(message), to.port, to.host, (error) =>
          error ? reject(transportError('udp send failed', error)) : resolve(),
        );
      }),
    close: () =>
      new Promise((resolve) => {
        try {
          socket.close(() => resolve());
        } catch {
          resolve();
        }
      }),
  };
}

function transportError(message: string, cause: unknown): Gb28181Error {
  return new Gb28181Error('SIP_TRANSPORT_ERROR', message, { cause });
}

/**
 * SIP over TCP: a listening socket for inbound connections plus outbound connections made on
 * demand; one connection per remote address is reused in both directions.
 */
export async function createTcpTransport(options: TransportOptions): Promise<SipTransport> {
  const limits = options.limits ?? DEFAULT_SIP_LIMITS;
  const maxConnections = options.maxConnections ?? 256;
  const byId = new Map<string, net.Socket>();
  const byAddress = new Map<string, string>();
  let nextId = 1;

  const adopt = (socket: net.Socket): string => {
    const id = `tcp-${nextId++}`;
    const from = {
      host: socket.remoteAddress ?? '',
      port: socket.remotePort ?? 0,
      connectionId: id,
    };
    const address = `${from.host}:${from.port}`;
    const framer = new SipStreamFramer(limits);
    byId.set(id, socket);
    byAddress.set(address, id);
    socket.on('data', (chunk) =>
      guard(options, from, () => {
        for (const output of framer.push(chunk)) {
          if (output.kind === 'message') options.onMessage(output.message, from);
          else {
            options.onError(output.error, from);
            socket.destroy();
          }
        }
      }),
    );
    socket.on('error', (cause) => options.onError(transportError('tcp socket error', cause), from));
    socket.on('close', () => {
      byId.delete(id);
      if (byAddress.get(address) === id) byAddress.delete(address);
    });
    return id;
  };

  const server = net.createServer((socket) => {
    if (byId.size >= maxConnections) socket.destroy();
    else adopt(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  const connect = (to: Peer): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const socket = net.connect({ host: to.host, port: to.port, localAddress: options.host });
      socket.once('error', (error) => reject(transportError('tcp connect failed', error)));
      socket.once('connect', () => {
        adopt(socket);
        resolve(socket);
      });
    });

  const socketFor = async (to: Peer): Promise<net.Socket> => {
    const id = to.connectionId ?? byAddress.get(`${to.host}:${to.port}`);
    const existing = id ? byId.get(id) : undefined;
    if (existing && !existing.destroyed) return existing;
    return connect(to);
  };

  return {
    kind: 'tcp',
    host: options.host,
    port,
    send: async (message, to) => {
      const socket = await socketFor(to);
      await new Promise<void>((resolve, reject) => {
        socket.write(serializeSipMessage(message), (error) =>
          error ? reject(transportError('tcp write failed', error)) : resolve(),
        );
      });
    },
    close: async () => {
      for (const socket of byId.values()) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function createSipTransport(options: TransportOptions): Promise<SipTransport> {
  return options.kind === 'udp' ? createUdpTransport(options) : createTcpTransport(options);
}
