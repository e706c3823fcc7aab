import { createSocket, type Socket } from 'node:dgram';

export interface UdpPorts {
  rtpPort: number;
  rtcpPort: number;
}

const BIND_ATTEMPTS = 20;

/**
 * The server side of RTP over UDP: one even/odd port pair shared by every UDP session (RFC 3550
 * section 11 wants RTP on an even port and RTCP on the next one), bound on first use.
 */
export class UdpTransport {
  private rtp: Socket | null = null;
  private rtcp: Socket | null = null;
  private binding: Promise<UdpPorts> | null = null;

  constructor(private readonly host: string) {}

  ports(): Promise<UdpPorts> {
    this.binding ??= this.bindPair();
    return this.binding;
  }

  sendRtp(packet: Buffer, host: string, port: number): void {
    this.rtp?.send(packet, port, host);
  }

  sendRtcp(packet: Buffer, host: string, port: number): void {
    this.rtcp?.send(packet, port, host);
  }

  close(): void {
    this.rtp?.close();
    this.rtcp?.close();
    this.rtp = null;
    this.rtcp = null;
    this.binding = null;
  }

  private async bindPair(): Promise<UdpPorts> {
    for (let attempt = 0; attempt < BIND_ATTEMPTS; attempt += 1) {
      const rtp = await bind(this.host, 0);
      const rtpPort = rtp.address().port;
      const rtcp = rtpPort % 2 === 0 ? await bind(this.host, rtpPort + 1).catch(() => null) : null;
      if (rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
        return { rtpPort, rtcpPort: rtpPort + 1 };
      }
      rtp.close();
    }
    throw new Error('no free even/odd UDP port pair for RTP');
  }
}

function bind(host: string, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    // Receiver reports and hole-punching packets from clients are read and ignored.
    socket.on('message', () => undefined);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}
