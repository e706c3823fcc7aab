import { parseManscdp, type ManscdpDocument } from '../manscdp/manscdp-message.ts';
import { parseGbSdp, type GbSdpOffer, type SessionName } from '../sdp.ts';
import { DigestServer } from '../sip/digest.ts';
import { newCallId, newTag } from '../sip/sip-header-values.ts';
import {
  createInDialogRequest,
  createUacDialog,
  nextHop,
  type SipDialog,
} from '../sip/sip-dialog.ts';
import { SipHeaders } from '../sip/sip-headers.ts';
import type { SipRequest } from '../sip/sip-message.ts';
import { createResponse } from '../sip/sip-response.ts';
import { SipStack, type IncomingRequest } from '../sip/sip-stack.ts';
import type { SipTimers } from '../sip/sip-timers.ts';
import type { Peer, TransportKind } from '../sip/sip-transport.ts';

export interface UpperPlatformSimOptions {
  transport: TransportKind;
  /** Our (the upper platform's) 20-digit id and SIP domain. */
  id: string;
  domain: string;
  /** The password every lower platform registers with. */
  password: string;
  timers?: Partial<SipTimers>;
}

export interface MediaOffer {
  sessionName: Exclude<SessionName, 'Talk'>;
  transport: 'udp' | 'tcp';
  /** Our role for TCP: `passive` listens on `port`, `active` connects to the answer's port. */
  setup?: 'active' | 'passive';
  address: string;
  port: number;
  ssrc: string;
  /** Seconds since 1970; 0 0 for live. */
  startTime?: number;
  endTime?: number;
  /** `a=downloadspeed`, for Download. */
  downloadSpeed?: number;
}

export interface SimCall {
  status: number;
  answer: GbSdpOffer | null;
  bye(): Promise<number>;
}

/** The SDP a police platform offers in its INVITE (GB/T 28181-2016 annex F). */
export function buildOffer(id: string, offer: MediaOffer): string {
  const proto = offer.transport === 'tcp' ? 'TCP/RTP/AVP' : 'RTP/AVP';
  const lines = [
    'v=0',
    `o=${id} 0 0 IN IP4 ${offer.address}`,
    `s=${offer.sessionName}`,
    `c=IN IP4 ${offer.address}`,
    `t=${offer.startTime ?? 0} ${offer.endTime ?? 0}`,
    `m=video ${offer.port} ${proto} 96`,
    'a=recvonly',
    'a=rtpmap:96 PS/90000',
  ];
  if (offer.transport === 'tcp') {
    lines.push(`a=setup:${offer.setup ?? 'passive'}`, 'a=connection:new');
  }
  if (offer.downloadSpeed) lines.push(`a=downloadspeed:${offer.downloadSpeed}`);
  lines.push(`y=${offer.ssrc}`);
  return lines.join('\r\n') + '\r\n';
}

/**
 * An upper platform in process, for tests and benchmarks: a digest registrar, a sink for
 * MANSCDP MESSAGEs, and the caller side of media sessions (INVITE, ACK, BYE).
 */
export class UpperPlatformSim {
  readonly messages: ManscdpDocument[] = [];
  readonly registrations: Array<{ user: string; expires: number }> = [];
  /** Set false to leave keepalives unanswered, as a platform that lost us would. */
  answerKeepalives = true;
  private readonly digest: DigestServer;
  private stack!: SipStack;

  private constructor(private readonly options: UpperPlatformSimOptions) {
    this.digest = new DigestServer({ realm: options.domain });
  }

  static async create(options: UpperPlatformSimOptions): Promise<UpperPlatformSim> {
    const sim = new UpperPlatformSim(options);
    sim.stack = await SipStack.create({
      transport: options.transport,
      host: '127.0.0.1',
      port: 0,
      ...(options.timers ? { timers: options.timers } : {}),
      onRequest: (incoming) => sim.onRequest(incoming),
    });
    return sim;
  }

  get port(): number {
    return this.stack.port;
  }

  private onRequest({ request, respond }: IncomingRequest): void {
    if (!respond) return;
    if (request.method === 'REGISTER') {
      const verdict = this.digest.verify(
        'REGISTER',
        request.headers.get('authorization'),
        () => this.options.password,
      );
      if (!verdict.ok) {
        const challenge = { 'WWW-Authenticate': this.digest.challenge() };
        respond(createResponse(request, 401, { toTag: newTag(), headers: challenge }));
        return;
      }
      const expires = Number(request.headers.get('expires') ?? 3600);
      this.registrations.push({ user: verdict.username, expires });
      respond(createResponse(request, 200, { toTag: newTag(), headers: { Expires: expires } }));
      return;
    }
    if (request.method === 'MESSAGE') {
      const parsed = parseManscdp(request.body);
      if (parsed.ok) this.messages.push(parsed.value);
      if (parsed.ok && parsed.value.cmdType === 'Keepalive' && !this.answerKeepalives) return;
      respond(createResponse(request, parsed.ok ? 200 : 400, { toTag: newTag() }));
      return;
    }
    respond(createResponse(request, request.method === 'BYE' ? 200 : 405, { toTag: newTag() }));
  }

  private request(method: string, target: Peer, uriUser: string): SipRequest {
    const { id, domain } = this.options;
    return {
      kind: 'request',
      method,
      uri: `sip:${uriUser}@${target.host}:${target.port}`,
      headers: SipHeaders.from({
        From: `<sip:${id}@${domain}>;tag=${newTag()}`,
        To: `<sip:${uriUser}@${target.host}:${target.port}>`,
        'Call-ID': newCallId('127.0.0.1'),
        CSeq: `1 ${method}`,
        'Max-Forwards': '70',
        Contact: `<sip:${id}@127.0.0.1:${this.stack.port}>`,
      }),
      body: Buffer.alloc(0),
    };
  }

  /** Sends a MANSCDP body to the lower platform; resolves with the status it answered. */
  async sendMessage(
    target: Peer & { id: string },
    body: Buffer,
    contentType = 'Application/MANSCDP+xml',
  ): Promise<number> {
    const request = this.request('MESSAGE', target, target.id);
    request.headers.append('Content-Type', contentType);
    request.body = body;
    return (await this.stack.request(request, target)).status;
  }

  /** INVITE for a channel; on 2xx the ACK is sent at once and the call can be ended with BYE. */
  async invite(target: Peer, channelId: string, offer: MediaOffer): Promise<SimCall> {
    const request = this.request('INVITE', target, channelId);
    request.headers.append('Subject', `${channelId}:${offer.ssrc},${this.options.id}:0`);
    request.headers.append('Content-Type', 'APPLICATION/SDP');
    request.body = Buffer.from(buildOffer(this.options.id, offer));
    const response = await this.stack.request(request, target);
    if (response.status < 200 || response.status >= 300) {
      return { status: response.status, answer: null, bye: async () => 481 };
    }
    const dialog: SipDialog = createUacDialog(request, response, target);
    this.stack.sendStateless(createInDialogRequest(dialog, 'ACK'), nextHop(dialog));
    const answer = parseGbSdp(response.body.toString('utf8'));
    return {
      status: response.status,
      answer: answer.ok ? answer.value : null,
      bye: async () => {
        const bye = createInDialogRequest(dialog, 'BYE');
        return (await this.stack.request(bye, nextHop(dialog))).status;
      },
    };
  }

  close(): Promise<void> {
    return this.stack.close();
  }
}
