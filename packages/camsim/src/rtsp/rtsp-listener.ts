import { createServer, type Server, type Socket } from 'node:net';
import { RtspConnection, type RtspServerContext } from './rtsp-connection.ts';

/**
 * A TCP listener for RTSP that can be closed and reopened on the same port, which is how a
 * camera's own port refuses connections during a disconnect or reboot.
 */
export class RtspListener {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private boundPort = 0;

  constructor(
    private readonly host: string,
    private readonly context: RtspServerContext,
  ) {}

  get port(): number {
    return this.boundPort;
  }

  get listening(): boolean {
    return this.server !== null;
  }

  async open(port = this.boundPort): Promise<number> {
    if (this.server) return this.boundPort;

    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      this.server = null;
      throw error;
    });
    const address = server.address();
    this.boundPort = typeof address === 'object' && address ? address.port : port;
    return this.boundPort;
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;

    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    new RtspConnection(socket, this.context);
  }
}
