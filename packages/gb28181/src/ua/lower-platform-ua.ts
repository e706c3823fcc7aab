import type { Gb28181Error } from '../errors.ts';
import { type ManscdpQuery, MANSCDP_CONTENT_TYPE } from '../manscdp/manscdp-message.ts';
import { buildKeepalive } from '../manscdp/notifies.ts';
import type { BodyEncoding } from '../manscdp/xml-codec.ts';
import type { GbSdpOffer } from '../sdp.ts';
import { newCallId, newTag } from '../sip/sip-header-values.ts';
import type { SipLimits } from '../sip/sip-message.ts';
import { SipStack, type IncomingRequest, type SipStackEvent } from '../sip/sip-stack.ts';
import type { SipTimers } from '../sip/sip-timers.ts';
import type { TransportKind } from '../sip/sip-transport.ts';
import { IncomingRequests } from './incoming-requests.ts';
import { createRequest } from './out-of-dialog.ts';
import { Registrar, type RegistrationState } from './registration.ts';

export interface UpperPlatform {
  /** The upper platform's 20-digit id. */
  id: string;
  /** Its SIP domain (usually the first 10 digits of its id). */
  domain: string;
  host: string;
  port: number;
}

export interface InviteRequest {
  dialogId: string;
  callId: string;
  /** The channel asked for: the user part of the Request-URI. */
  channelId: string;
  offer: GbSdpOffer;
}

export type InviteDecision = { accept: true; sdp: string } | { accept: false; status: number };

export type UaEvent =
  | { type: 'registered'; expiresSec: number }
  | { type: 'registration-failed'; status: number | null; error: Gb28181Error }
  | { type: 'keepalive-missed'; missed: number }
  | { type: 'unregistered' }
  | { type: 'request-refused'; method: string; status: number; reason: string }
  | { type: 'handler-failed'; operation: string; error: unknown }
  | { type: 'sip'; event: SipStackEvent };

export interface UaHandlers {
  /** Answer bodies for a query; each is sent to the upper platform as its own MESSAGE. */
  onQuery: (query: ManscdpQuery) => Promise<Buffer[]> | Buffer[];
  onInvite: (invite: InviteRequest) => Promise<InviteDecision> | InviteDecision;
  onAck?: (dialogId: string) => void;
  /** The session ended: BYE from the upper platform, CANCEL, or a 2xx never acknowledged. */
  onSessionEnd: (dialogId: string, reason: 'bye' | 'cancel' | 'ack-timeout') => void;
  onEvent?: (event: UaEvent) => void;
}

export interface LowerPlatformUaOptions {
  transport: TransportKind;
  localHost: string;
  localPort: number;
  advertisedHost?: string;
  /** Our platform id (type code 200) and SIP domain. */
  deviceId: string;
  domain: string;
  upper: UpperPlatform;
  password: string;
  expiresSec?: number;
  keepaliveIntervalMs?: number;
  maxMissedKeepalives?: number;
  /** Longest wait for the unregistration on `stop`. */
  unregisterTimeoutMs?: number;
  /** Wait after a failed registration before trying again. */
  retryDelayMs?: number;
  encoding?: BodyEncoding;
  /** Largest MANSCDP query body accepted; larger ones are answered 413. */
  maxQueryBytes?: number;
  timers?: Partial<SipTimers>;
  limits?: SipLimits;
  userAgent?: string;
  handlers: UaHandlers;
}

/**
 * A lower-level platform's user agent (GB/T 28181-2016 sections 9.1, 9.2, 9.5, 9.6): keeps a
 * registration with the upper platform alive, sends keepalives, and hands queries and media
 * sessions to the caller's handlers.
 */
export class LowerPlatformUa {
  private registrar!: Registrar;
  private incoming!: IncomingRequests;
  private registrationState: RegistrationState = 'idle';
  private refreshTimer: NodeJS.Timeout | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private missed = 0;
  private sn = 1;
  private stopped = false;
  private closed = false;

  private constructor(
    private readonly options: LowerPlatformUaOptions,
    readonly stack: SipStack,
  ) {}

  static async create(options: LowerPlatformUaOptions): Promise<LowerPlatformUa> {
    let ua: LowerPlatformUa | null = null;
    const stack = await SipStack.create({
      transport: options.transport,
      host: options.localHost,
      port: options.localPort,
      ...(options.advertisedHost ? { advertisedHost: options.advertisedHost } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      onRequest: (incoming) => ua?.onRequest(incoming),
      onEvent: (event) => ua?.onStackEvent(event),
    });
    ua = new LowerPlatformUa(options, stack);
    ua.registrar = new Registrar(stack, {
      deviceId: options.deviceId,
      domain: options.domain,
      upperId: options.upper.id,
      upperDomain: options.upper.domain,
      upper: { host: options.upper.host, port: options.upper.port },
      password: options.password,
      expiresSec: options.expiresSec ?? 3600,
      userAgent: ua.userAgent,
    });
    ua.incoming = new IncomingRequests({ ua, options, emit: (event) => ua?.emit(event) });
    return ua;
  }

  get state(): RegistrationState {
    return this.registrationState;
  }

  get userAgent(): string {
    return this.options.userAgent ?? 'Gardenwatch GB28181';
  }

  nextSn(): number {
    return this.sn++;
  }

  /** Registers and keeps the registration alive until `stop`. Resolves after the first attempt. */
  async start(): Promise<RegistrationState> {
    this.stopped = false;
    await this.register();
    return this.registrationState;
  }

  private async register(): Promise<void> {
    this.clearTimers();
    this.registrationState = 'registering';
    const outcome = await this.registrar.register();
    if (this.stopped) return;
    if (!outcome.ok) {
      this.registrationState = 'failed';
      this.emit({ type: 'registration-failed', status: outcome.status, error: outcome.error });
      this.refreshTimer = setTimeout(
        () => void this.register(),
        this.options.retryDelayMs ?? 30_000,
      );
      return;
    }
    this.registrationState = 'registered';
    this.missed = 0;
    this.emit({ type: 'registered', expiresSec: outcome.expiresSec });
    // Refresh ahead of expiry: a minute early, or halfway for short registrations.
    const refreshSec = Math.max(outcome.expiresSec / 2, outcome.expiresSec - 60);
    this.refreshTimer = setTimeout(() => void this.register(), refreshSec * 1000);
    this.scheduleKeepalive();
  }

  private scheduleKeepalive(): void {
    const interval = this.options.keepaliveIntervalMs ?? 60_000;
    this.keepaliveTimer = setInterval(() => void this.keepalive(), interval);
  }

  /** Section 9.6: three unanswered keepalives mean the upper platform has lost us; register again. */
  private async keepalive(): Promise<void> {
    const body = buildKeepalive({
      sn: this.nextSn(),
      deviceId: this.options.deviceId,
      encoding: this.encoding,
    });
    const status = await this.sendMessage(body).catch(() => null);
    if (this.stopped || this.registrationState !== 'registered') return;
    if (status !== null && status >= 200 && status < 300) {
      this.missed = 0;
      return;
    }
    this.missed++;
    this.emit({ type: 'keepalive-missed', missed: this.missed });
    if (this.missed >= (this.options.maxMissedKeepalives ?? 3)) void this.register();
  }

  get encoding(): BodyEncoding {
    return this.options.encoding ?? 'GB2312';
  }

  /** Sends a MANSCDP body (response, notify) to the upper platform; resolves with the status. */
  async sendMessage(body: Buffer): Promise<number> {
    const { deviceId, domain, upper } = this.options;
    const request = createRequest({
      method: 'MESSAGE',
      uri: `sip:${upper.id}@${upper.domain}`,
      from: `sip:${deviceId}@${domain}`,
      fromTag: newTag(),
      to: `sip:${upper.id}@${upper.domain}`,
      callId: newCallId(this.stack.host),
      cseq: 1,
      contentType: MANSCDP_CONTENT_TYPE,
      userAgent: this.userAgent,
      body,
    });
    const response = await this.stack.request(request, { host: upper.host, port: upper.port });
    return response.status;
  }

  /** Ends a media session from our side (for instance when a playback file is exhausted). */
  bye(dialogId: string): Promise<number | null> {
    return this.incoming.bye(dialogId);
  }

  get activeDialogs(): string[] {
    return this.incoming.dialogIds();
  }

  private onRequest(incoming: IncomingRequest): Promise<void> {
    return this.incoming.handle(incoming);
  }

  private onStackEvent(event: SipStackEvent): void {
    if (event.type === 'ack-timeout') this.incoming.ackTimedOut(event.callId);
    this.emit({ type: 'sip', event });
  }

  emit(event: UaEvent): void {
    try {
      this.options.handlers.onEvent?.(event);
    } catch {
      // Observers must not break the UA.
    }
  }

  private clearTimers(): void {
    clearTimeout(this.refreshTimer);
    clearInterval(this.keepaliveTimer);
  }

  /** Unregisters (Expires: 0) when registered, then closes the transport. */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopped = true;
    this.clearTimers();
    if (this.registrationState === 'registered') {
      // An unreachable upper platform must not hold shutdown for the 32 s of Timer F.
      const limit = new Promise((resolve) =>
        setTimeout(resolve, this.options.unregisterTimeoutMs ?? 3000).unref(),
      );
      await Promise.race([this.registrar.register(0), limit]);
      this.emit({ type: 'unregistered' });
    }
    this.registrationState = 'idle';
    await this.stack.close();
  }
}
