import { SipHeaders } from './sip-headers.ts';
import { parseCSeq, parseNameAddr, parseSipUri } from './sip-header-values.ts';
import type { SipRequest, SipResponse } from './sip-message.ts';
import type { Peer } from './sip-transport.ts';

/** Dialog state (RFC 3261 section 12). */
export interface SipDialog {
  id: string;
  callId: string;
  localTag: string;
  remoteTag: string;
  /** Full From/To header values for requests we send in the dialog. */
  localParty: string;
  remoteParty: string;
  localSeq: number;
  remoteSeq: number;
  remoteTarget: string;
  routeSet: string[];
  peer: Peer;
}

export function dialogId(callId: string, localTag: string, remoteTag: string): string {
  return `${callId};${localTag};${remoteTag}`;
}

function tagOf(value: string | undefined): string {
  return parseNameAddr(value ?? '')?.params.tag ?? '';
}

function contactUri(message: SipRequest | SipResponse): string {
  return parseNameAddr(message.headers.get('contact') ?? '')?.uri ?? '';
}

/** Section 12.1.1: the UAS side, from the INVITE and the 2xx we answered it with. */
export function createUasDialog(invite: SipRequest, response: SipResponse, peer: Peer): SipDialog {
  const callId = invite.headers.get('call-id') ?? '';
  const localTag = tagOf(response.headers.get('to'));
  const remoteTag = tagOf(invite.headers.get('from'));
  return {
    id: dialogId(callId, localTag, remoteTag),
    callId,
    localTag,
    remoteTag,
    localParty: response.headers.get('to') ?? '',
    remoteParty: invite.headers.get('from') ?? '',
    localSeq: Math.floor(Math.random() * 10_000) + 1,
    remoteSeq: parseCSeq(invite.headers.get('cseq') ?? '')?.seq ?? 0,
    remoteTarget: contactUri(invite) || invite.uri,
    routeSet: invite.headers.getAll('record-route'),
    peer,
  };
}

/** Section 12.1.2: the UAC side; the route set is the Record-Route list reversed. */
export function createUacDialog(invite: SipRequest, response: SipResponse, peer: Peer): SipDialog {
  const callId = invite.headers.get('call-id') ?? '';
  const localTag = tagOf(invite.headers.get('from'));
  const remoteTag = tagOf(response.headers.get('to'));
  return {
    id: dialogId(callId, localTag, remoteTag),
    callId,
    localTag,
    remoteTag,
    localParty: invite.headers.get('from') ?? '',
    remoteParty: response.headers.get('to') ?? '',
    localSeq: parseCSeq(invite.headers.get('cseq') ?? '')?.seq ?? 1,
    remoteSeq: 0,
    remoteTarget: contactUri(response) || invite.uri,
    routeSet: response.headers.getAll('record-route').reverse(),
    peer,
  };
}

/** Matches an in-dialog request (section 12.2.2) to a dialog id as seen from our side. */
export function dialogIdOfRequest(request: SipRequest): string {
  return dialogId(
    request.headers.get('call-id') ?? '',
    tagOf(request.headers.get('to')),
    tagOf(request.headers.get('from')),
  );
}

// LIMITATION: only loose routing (;lr) is supported; a strict-routing proxy in the route set
// would receive requests with the wrong Request-URI.
/** Section 12.2.1.1: a request inside the dialog. ACK reuses the INVITE's CSeq number. */
export function createInDialogRequest(
  dialog: SipDialog,
  method: string,
  options: { contact?: string; body?: Buffer; contentType?: string; cseq?: number } = {},
): SipRequest {
  const seq = options.cseq ?? (method === 'ACK' ? dialog.localSeq : ++dialog.localSeq);
  const headers = new SipHeaders();
  for (const route of dialog.routeSet) headers.append('Route', route);
  headers.append('From', dialog.localParty);
  headers.append('To', dialog.remoteParty);
  headers.append('Call-ID', dialog.callId);
  headers.append('CSeq', `${seq} ${method}`);
  headers.append('Max-Forwards', '70');
  if (options.contact) headers.append('Contact', options.contact);
  if (options.contentType) headers.append('Content-Type', options.contentType);
  return {
    kind: 'request',
    method,
    uri: dialog.remoteTarget,
    headers,
    body: options.body ?? Buffer.alloc(0),
  };
}

/** Where to send an in-dialog request: the first route, else the remote target, else the peer. */
export function nextHop(dialog: SipDialog): Peer {
  const first = dialog.routeSet[0];
  const uri = parseSipUri(first ? (parseNameAddr(first)?.uri ?? '') : dialog.remoteTarget);
  if (!uri || dialog.peer.connectionId) return dialog.peer;
  return { host: uri.host, port: uri.port ?? 5060 };
}
