import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { RtpBatch, StreamSource } from '../media/stream-source.ts';
import type { UdpTransport } from './udp-transport.ts';

export type Transport =
  | { kind: 'tcp'; rtpChannel: number; rtcpChannel: number }
  | { kind: 'udp'; host: string; rtpPort: number; rtcpPort: number };

/** Beyond this much unsent data a TCP client is too slow: frames are dropped to a keyframe. */
const MAX_TCP_BACKLOG = 4 * 1024 * 1024;
const SENDER_REPORT_MS = 5000;

export interface RtspSessionOptions {
  socket: Socket;
  source: StreamSource;
  transport: Transport;
  udp: UdpTransport;
}

/** One client's RTP stream: forwards the source's packets on its transport while playing. */
export class RtspSession {
  readonly id = randomBytes(8).toString('hex').toUpperCase();
  private unsubscribe: (() => void) | null = null;
  private reportTimer: NodeJS.Timeout | null = null;
  // A new client starts at a keyframe, so its first picture decodes.
  private waitingForKeyframe = true;

  constructor(private readonly options: RtspSessionOptions) {}

  get transport(): Transport {
    return this.options.transport;
  }

  get source(): StreamSource {
    return this.options.source;
  }

  get playing(): boolean {
    return this.unsubscribe !== null;
  }

  play(): void {
    if (this.unsubscribe) return;

    this.unsubscribe = this.options.source.subscribe((batch) => this.send(batch));
    this.reportTimer = setInterval(() => this.sendReport(), SENDER_REPORT_MS);
    this.sendReport();
  }

  pause(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.reportTimer) clearInterval(this.reportTimer);
    this.reportTimer = null;
  }

  private send(batch: RtpBatch): void {
    const { transport, socket, udp } = this.options;
    if (this.waitingForKeyframe && !batch.isKeyframe) return;
    this.waitingForKeyframe = false;
    if (transport.kind === 'udp') {
      for (const packet of batch.packets) udp.sendRtp(packet, transport.host, transport.rtpPort);
      return;
    }
    if (socket.destroyed) return;
    if (socket.writableLength > MAX_TCP_BACKLOG) {
      this.waitingForKeyframe = true;
      return;
    }

    socket.cork();
    for (const packet of batch.packets) socket.write(interleave(transport.rtpChannel, packet));
    socket.uncork();
  }

  private sendReport(): void {
    const { transport, socket, udp, source } = this.options;
    if (source.halted) return;
    const report = source.senderReport();
    if (transport.kind === 'udp') {
      udp.sendRtcp(report, transport.host, transport.rtcpPort);
      return;
    }
    if (!socket.destroyed) socket.write(interleave(transport.rtcpChannel, report));
  }
}

/** RFC 2326 section 10.12: `$`, channel, 16-bit length, then the packet. */
function interleave(channel: number, packet: Buffer): Buffer {
  const framed = Buffer.allocUnsafe(4 + packet.length);
  framed[0] = 0x24;
  framed[1] = channel;
  framed.writeUInt16BE(packet.length, 2);
  packet.copy(framed, 4);
  return framed;
}

/** Picks the first transport the simulator can serve from a client's Transport header. */
export function chooseTransport(header: string, clientHost: string): Transport | null {
  for (const spec of header.split(',')) {
    const parts = spec.trim().split(';');
    const protocol = parts[0]?.toUpperCase();
    const params = new Map(parts.slice(1).map((p) => [p.split('=')[0]!, p.split('=')[1] ?? '']));
    if (params.has('multicast')) continue;
    if (protocol === 'RTP/AVP/TCP') {
      const [rtp, rtcp] = portRange(params.get('interleaved') ?? '0-1');
      return { kind: 'tcp', rtpChannel: rtp, rtcpChannel: rtcp };
    }
    if ((protocol === 'RTP/AVP' || protocol === 'RTP/AVP/UDP') && params.has('client_port')) {
      const [rtp, rtcp] = portRange(params.get('client_port')!);
      return { kind: 'udp', host: clientHost, rtpPort: rtp, rtcpPort: rtcp };
    }
  }
  return null;
}

function portRange(text: string): [number, number] {
  const [first, second] = text.split('-').map(Number);
  const low = Number.isInteger(first) ? first! : 0;
  return [low, Number.isInteger(second) ? second! : low + 1];
}
