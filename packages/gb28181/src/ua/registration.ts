import { Gb28181Error } from '../errors.ts';
import { buildAuthorization, parseChallenge } from '../sip/digest.ts';
import { newCallId, newTag } from '../sip/sip-header-values.ts';
import type { SipResponse } from '../sip/sip-message.ts';
import type { SipStack } from '../sip/sip-stack.ts';
import type { Peer } from '../sip/sip-transport.ts';
import { createRequest } from './out-of-dialog.ts';

export type RegistrationState = 'idle' | 'registering' | 'registered' | 'failed';

export interface RegistrationConfig {
  deviceId: string;
  domain: string;
  upperId: string;
  upperDomain: string;
  upper: Peer;
  password: string;
  expiresSec: number;
  userAgent: string;
}

export type RegistrationOutcome =
  { ok: true; expiresSec: number } | { ok: false; status: number | null; error: Gb28181Error };

/**
 * One REGISTER exchange with the upper platform (GB/T 28181-2016 section 9.1.2): sent, challenged
 * with 401, repeated with the digest answer. Registrations share a Call-ID and count CSeq up.
 */
export class Registrar {
  private readonly callId: string;
  private readonly fromTag = newTag();
  private cseq = 0;

  constructor(
    private readonly stack: SipStack,
    private readonly config: RegistrationConfig,
  ) {
    this.callId = newCallId(stack.host);
  }

  get requestUri(): string {
    return `sip:${this.config.upperId}@${this.config.upperDomain}`;
  }

  async register(expiresSec = this.config.expiresSec): Promise<RegistrationOutcome> {
    try {
      let response = await this.send(expiresSec, null);
      if (response.status === 401 || response.status === 407) {
        const header = response.headers.get(
          response.status === 401 ? 'www-authenticate' : 'proxy-authenticate',
        );
        const challenge = parseChallenge(header ?? '');
        if (!challenge.ok) return { ok: false, status: response.status, error: challenge.error };
        const authorization = buildAuthorization({
          challenge: challenge.value,
          credentials: { username: this.config.deviceId, password: this.config.password },
          method: 'REGISTER',
          uri: this.requestUri,
        });
        response = await this.send(expiresSec, {
          name: response.status === 401 ? 'Authorization' : 'Proxy-Authorization',
          value: authorization,
        });
      }
      if (response.status >= 200 && response.status < 300) {
        return { ok: true, expiresSec: grantedExpires(response, expiresSec) };
      }
      const error = new Gb28181Error('SIP_REQUEST_FAILED', `REGISTER answered ${response.status}`);
      return { ok: false, status: response.status, error };
    } catch (cause) {
      const error =
        cause instanceof Gb28181Error
          ? cause
          : new Gb28181Error('SIP_REQUEST_FAILED', 'REGISTER failed', { cause });
      return { ok: false, status: null, error };
    }
  }

  private send(
    expiresSec: number,
    auth: { name: string; value: string } | null,
  ): Promise<SipResponse> {
    const { deviceId, domain } = this.config;
    const request = createRequest({
      method: 'REGISTER',
      uri: this.requestUri,
      from: `sip:${deviceId}@${domain}`,
      fromTag: this.fromTag,
      to: `sip:${deviceId}@${domain}`,
      callId: this.callId,
      cseq: ++this.cseq,
      contact: `<sip:${deviceId}@${this.stack.host}:${this.stack.port}>`,
      expires: expiresSec,
      userAgent: this.config.userAgent,
    });
    if (auth) request.headers.append(auth.name, auth.value);
    return this.stack.request(request, this.config.upper);
  }
}

function grantedExpires(response: SipResponse, requested: number): number {
  const header = Number(response.headers.get('expires'));
  if (Number.isInteger(header) && header > 0) return header;
  const contact = /;\s*expires=(\d+)/i.exec(response.headers.get('contact') ?? '')?.[1];
  return contact ? Number(contact) : requested;
}
