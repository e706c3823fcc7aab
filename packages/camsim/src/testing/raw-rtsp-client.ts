import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * A bare RTSP client over one TCP connection, for what ffmpeg cannot show: the exact status of
 * a request, Basic authentication, and whether interleaved packets arrive on an open socket.
 */
export class RawRtspClient {
  private buffer = Buffer.alloc(0);
  private cseq = 0;
  interleavedBytes = 0;
  closed = false;
  private waiter: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drainInterleaved();
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => undefined);
  }

  static open(host: string, port: number): Promise<RawRtspClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host, () => {
        socket.off('error', reject);
        resolve(new RawRtspClient(socket));
      });
      socket.once('error', reject);
    });
  }

  async request(
    method: string,
    url: string,
    headers: Record<string, string> = {},
  ): Promise<RawResponse | null> {
    this.cseq += 1;
    const lines = [`${method} ${url} RTSP/1.0`, `CSeq: ${this.cseq}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    return this.readResponse();
  }

  /** Waits `ms` while counting interleaved bytes; true if the socket is still open after. */
  async idle(ms: number): Promise<boolean> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return !this.closed;
  }

  close(): void {
    this.socket.destroy();
  }

  private async readResponse(): Promise<RawResponse | null> {
    for (;;) {
      const response = this.takeResponse();
      if (response) return response;
      if (this.closed) return null;
      await new Promise<void>((resolve) => (this.waiter = resolve));
      this.waiter = null;
    }
  }

  private takeResponse(): RawResponse | null {
    this.drainInterleaved();
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || this.buffer[0] === 0x24) return null;

    const [statusLine, ...lines] = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    const headers = new Map<string, string>();
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers.set(name, headers.has(name) ? `${headers.get(name)}\n${value}` : value);
    }
    const length = Number(headers.get('content-length') ?? 0);
    if (this.buffer.length < end + 4 + length) return null;

    const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffer = this.buffer.subarray(end + 4 + length);
    return { status: Number(statusLine?.split(' ')[1]), headers, body };
  }

  private drainInterleaved(): void {
    while (this.buffer.length >= 4 && this.buffer[0] === 0x24) {
      const length = this.buffer.readUInt16BE(2);
      if (this.buffer.length < 4 + length) return;
      this.interleavedBytes += 4 + length;
      this.buffer = this.buffer.subarray(4 + length);
    }
  }
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
