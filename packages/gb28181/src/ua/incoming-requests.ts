import { parseQuery } from '../manscdp/manscdp-message.ts';
import { offersPs, parseGbSdp } from '../sdp.ts';
import { newTag, parseNameAddr, parseSipUri } from '../sip/sip-header-values.ts';
import {
  createInDialogRequest,
  createUasDialog,
  dialogIdOfRequest,
  nextHop,
  type SipDialog,
} from '../sip/sip-dialog.ts';
import type { SipRequest } from '../sip/sip-message.ts';
import { createResponse } from '../sip/sip-response.ts';
import type { IncomingRequest } from '../sip/sip-stack.ts';
import type { LowerPlatformUa, LowerPlatformUaOptions, UaEvent } from './lower-platform-ua.ts';

/** Queries are a few hundred bytes; anything this large is refused before it is parsed. */
export const DEFAULT_MAX_QUERY_BYTES = 64 * 1024;

/** Section 21.4: 413 for a body too large, 501 for what we do not implement, else 400. */
const QUERY_REFUSALS: Partial<Record<string, number>> = {
  XML_TOO_LARGE: 413,
  XML_UNSUPPORTED: 501,
};

interface PendingInvite {
  cancelled: boolean;
  respond: (status: number) => void;
}

function userOf(header: string | undefined): string | null {
  const uri = parseNameAddr(header ?? '')?.uri;
  return uri ? (parseSipUri(uri)?.user ?? null) : null;
}

/** The UAS side of the lower-platform UA: MESSAGE queries, INVITE/ACK/BYE/CANCEL, OPTIONS. */
export class IncomingRequests {
  private readonly dialogs = new Map<string, SipDialog>();
  private readonly pending = new Map<string, PendingInvite>();

  constructor(
    private readonly context: {
      ua: LowerPlatformUa;
      options: LowerPlatformUaOptions;
      emit: (event: UaEvent) => void;
    },
  ) {}

  async handle({ request, from, respond }: IncomingRequest): Promise<void> {
    if (request.method === 'ACK') {
      this.onAck(request);
      return;
    }
    if (!respond) return;
    const refuse = (status: number, reason: string) => {
      this.context.emit({ type: 'request-refused', method: request.method, status, reason });
      respond(createResponse(request, status, { toTag: newTag() }));
    };
    const dialogId = dialogIdOfRequest(request);
    const inDialog = this.dialogs.get(dialogId);
    if (!inDialog && userOf(request.headers.get('from')) !== this.context.options.upper.id) {
      refuse(403, 'not the upper platform');
      return;
    }

    switch (request.method) {
      case 'MESSAGE':
        return this.onMessage(request, respond, refuse);
      case 'INVITE':
        if (parseNameAddr(request.headers.get('to') ?? '')?.params.tag) {
          // LIMITATION: re-INVITE (session refresh or hold) is refused; GB/T 28181 peers rarely send it.
          refuse(488, 're-INVITE not supported');
          return;
        }
        return this.onInvite(request, from, respond, refuse);
      case 'BYE':
        return this.onBye(request, respond, inDialog);
      case 'CANCEL':
        return this.onCancel(request, respond);
      case 'OPTIONS':
        respond(
          createResponse(request, 200, {
            toTag: newTag(),
            headers: { Allow: 'INVITE, ACK, BYE, CANCEL, MESSAGE, OPTIONS' },
          }),
        );
        return;
      default:
        refuse(405, 'method not allowed');
    }
  }

  private async onMessage(
    request: SipRequest,
    respond: NonNullable<IncomingRequest['respond']>,
    refuse: (status: number, reason: string) => void,
  ): Promise<void> {
    const charset = /charset=([A-Za-z0-9_-]+)/i.exec(
      request.headers.get('content-type') ?? '',
    )?.[1];
    const maxBytes = this.context.options.maxQueryBytes ?? DEFAULT_MAX_QUERY_BYTES;
    const query = parseQuery(request.body, { maxBytes, ...(charset ? { charset } : {}) });
    // LIMITATION: Control commands (PTZ, recording, guard, reboot) are answered 501; the upper
    // platform cannot steer cameras through this gateway.
    if (!query.ok) {
      refuse(QUERY_REFUSALS[query.error.code] ?? 400, query.error.code);
      return;
    }
    // Section 9.5.2: the query is acknowledged at once; the answers follow as new MESSAGEs.
    respond(createResponse(request, 200, { toTag: newTag() }));
    try {
      const bodies = await this.context.options.handlers.onQuery(query.value);
      for (const body of bodies) await this.context.ua.sendMessage(body);
    } catch (error) {
      this.context.emit({
        type: 'handler-failed',
        operation: `query.${query.value.cmdType}`,
        error,
      });
    }
  }

  private async onInvite(
    request: SipRequest,
    from: IncomingRequest['from'],
    respond: NonNullable<IncomingRequest['respond']>,
    refuse: (status: number, reason: string) => void,
  ): Promise<void> {
    const offer = parseGbSdp(request.body.toString('utf8'));
    if (!offer.ok || !offersPs(offer.value)) {
      refuse(488, offer.ok ? 'PS not offered' : offer.error.code);
      return;
    }
    const callId = request.headers.get('call-id') ?? '';
    const toTag = newTag();
    const pending: PendingInvite = {
      cancelled: false,
      respond: (status) => respond(createResponse(request, status, { toTag })),
    };
    this.pending.set(callId, pending);

    const response = createResponse(request, 200, {
      toTag,
      headers: {
        Contact: `<sip:${this.context.options.deviceId}@${this.context.ua.stack.host}:${this.context.ua.stack.port}>`,
        'Content-Type': 'APPLICATION/SDP',
      },
    });
    const dialog = createUasDialog(request, response, from);
    const decision = await Promise.resolve(
      this.context.options.handlers.onInvite({
        dialogId: dialog.id,
        callId,
        channelId: parseSipUri(request.uri)?.user ?? '',
        offer: offer.value,
      }),
    ).catch((error: unknown) => {
      this.context.emit({ type: 'handler-failed', operation: 'invite', error });
      return { accept: false as const, status: 500 };
    });
    this.pending.delete(callId);

    if (pending.cancelled) {
      if (decision.accept) this.context.options.handlers.onSessionEnd(dialog.id, 'cancel');
      return;
    }
    if (!decision.accept) {
      pending.respond(decision.status);
      return;
    }
    response.body = Buffer.from(decision.sdp, 'utf8');
    this.dialogs.set(dialog.id, dialog);
    respond(response);
  }

  private onAck(request: SipRequest): void {
    const id = dialogIdOfRequest(request);
    if (this.dialogs.has(id)) this.context.options.handlers.onAck?.(id);
  }

  private onBye(
    request: SipRequest,
    respond: NonNullable<IncomingRequest['respond']>,
    dialog: SipDialog | undefined,
  ): void {
    if (!dialog) {
      respond(createResponse(request, 481));
      return;
    }
    this.dialogs.delete(dialog.id);
    respond(createResponse(request, 200));
    this.context.options.handlers.onSessionEnd(dialog.id, 'bye');
  }

  /** Section 9.2.3: CANCEL answers 200 and, if the INVITE is still pending, 487 for it. */
  private onCancel(request: SipRequest, respond: NonNullable<IncomingRequest['respond']>): void {
    const pending = this.pending.get(request.headers.get('call-id') ?? '');
    if (!pending) {
      respond(createResponse(request, 481));
      return;
    }
    respond(createResponse(request, 200));
    pending.cancelled = true;
    pending.respond(487);
  }

  ackTimedOut(callId: string): void {
    for (const dialog of this.dialogs.values()) {
      if (dialog.callId !== callId) continue;
      this.dialogs.delete(dialog.id);
      this.context.options.handlers.onSessionEnd(dialog.id, 'ack-timeout');
    }
  }

  async bye(dialogId: string): Promise<number | null> {
    const dialog = this.dialogs.get(dialogId);
    if (!dialog) return null;
    this.dialogs.delete(dialogId);
    const request = createInDialogRequest(dialog, 'BYE');
    const response = await this.context.ua.stack
      .request(request, nextHop(dialog))
      .catch(() => null);
    return response?.status ?? null;
  }

  dialogIds(): string[] {
    return [...this.dialogs.keys()];
  }
}
