import type { Gb28181Error } from '../errors.ts';
import { ClientTransactions } from './client-transactions.ts';
import { formatVia, newBranch } from './sip-header-values.ts';
import type { SipLimits, SipMessage, SipRequest, SipResponse } from './sip-message.ts';
import { ServerTransactions, type ServerTransactionEvent } from './server-transactions.ts';
import { DEFAULT_SIP_TIMERS, type SipTimers } from './sip-timers.ts';
import {
  createSipTransport,
  type Peer,
  type SipTransport,
  type TransportKind,
} from './sip-transport.ts';

export interface IncomingRequest {
  request: SipRequest;
  from: Peer;
  /** Sends a response through the server transaction; absent for ACK. */
  respond: ((response: SipResponse) => void) | null;
}

export type SipStackEvent =
  | { type: 'bad-message'; error: Gb28181Error; from: Peer | null }
  | { type: 'stray-response'; response: SipResponse; from: Peer }
  | { type: 'ack-timeout'; callId: string }
  | { type: 'send-failed'; error: unknown }
  | { type: 'handler-failed'; error: unknown };

export interface SipStackOptions {
  transport: TransportKind;
  host: string;
  port: number;
  /** Address written into Via and Contact when `host` is a wildcard. */
  advertisedHost?: string;
  timers?: Partial<SipTimers>;
  limits?: SipLimits;
  onRequest: (incoming: IncomingRequest) => void | Promise<void>;
  onEvent?: (event: SipStackEvent) => void;
}

/** Transport plus transaction layer: the part of a SIP element that the UA cores sit on. */
export class SipStack {
  private clients!: ClientTransactions;
  private servers!: ServerTransactions;
  private transport!: SipTransport;

  private constructor(private readonly options: SipStackOptions) {}

  static async create(options: SipStackOptions): Promise<SipStack> {
    const stack = new SipStack(options);
    const timers = { ...DEFAULT_SIP_TIMERS, ...options.timers };
    const reliable = options.transport === 'tcp';
    const send = (message: SipMessage, to: Peer) => stack.sendRaw(message, to);
    stack.clients = new ClientTransactions({
      send: (request, to) => stack.transport.send(request, to),
      timers,
      reliable,
    });
    stack.servers = new ServerTransactions({
      send,
      timers,
      reliable,
      emit: (event) => stack.onServerEvent(event),
    });
    stack.transport = await createSipTransport({
      kind: options.transport,
      host: options.host,
      port: options.port,
      ...(options.limits ? { limits: options.limits } : {}),
      onMessage: (message, from) => stack.onMessage(message, from),
      onError: (error, from) => stack.emit({ type: 'bad-message', error, from: from ?? null }),
    });
    return stack;
  }

  get kind(): TransportKind {
    return this.options.transport;
  }

  get host(): string {
    return this.options.advertisedHost ?? this.transport.host;
  }

  get port(): number {
    return this.transport.port;
  }

  /** Sends a request in a new client transaction, with a fresh top Via; resolves on the final response. */
  request(
    request: SipRequest,
    to: Peer,
    onProvisional?: (response: SipResponse) => void,
  ): Promise<SipResponse> {
    this.stampVia(request);
    return this.clients.start(request, to, onProvisional);
  }

  /** Sends outside any transaction (the ACK for a 2xx, section 13.2.2.4). */
  sendStateless(request: SipRequest, to: Peer): void {
    this.stampVia(request);
    this.sendRaw(request, to);
  }

  private stampVia(request: SipRequest): void {
    const via = formatVia({
      transport: this.kind.toUpperCase(),
      host: this.host,
      port: this.port,
      params: { rport: null, branch: newBranch() },
    });
    request.headers.delete('via');
    request.headers.append('Via', via);
  }

  private sendRaw(message: SipMessage, to: Peer): void {
    this.transport
      .send(message, to)
      .catch((error: unknown) => this.emit({ type: 'send-failed', error }));
  }

  private onMessage(message: SipMessage, from: Peer): void {
    if (message.kind === 'request') {
      this.servers.receive(message, from);
      return;
    }
    if (!this.clients.receive(message))
      this.emit({ type: 'stray-response', response: message, from });
  }

  private onServerEvent(event: ServerTransactionEvent): void {
    if (event.type === 'ack-timeout') {
      this.emit(event);
      return;
    }
    const respond = event.type === 'new-request' ? event.respond : null;
    this.dispatch({ request: event.request, from: event.from, respond });
  }

  private dispatch(incoming: IncomingRequest): void {
    try {
      const result = this.options.onRequest(incoming);
      if (result instanceof Promise) {
        result.catch((error: unknown) => this.emit({ type: 'handler-failed', error }));
      }
    } catch (error) {
      this.emit({ type: 'handler-failed', error });
    }
  }

  private emit(event: SipStackEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // An observer that throws must not take the socket handler down with it.
    }
  }

  async close(): Promise<void> {
    this.clients.close();
    this.servers.close();
    await this.transport.close();
  }
}
