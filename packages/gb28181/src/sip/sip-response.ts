import { SipHeaders } from './sip-headers.ts';
import { formatNameAddr, parseNameAddr } from './sip-header-values.ts';
import type { SipRequest, SipResponse } from './sip-message.ts';

const REASONS: Record<number, string> = {
  100: 'Trying',
  180: 'Ringing',
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Request Entity Too Large',
  481: 'Call/Transaction Does Not Exist',
  486: 'Busy Here',
  488: 'Not Acceptable Here',
  501: 'Not Implemented',
  500: 'Server Internal Error',
  503: 'Service Unavailable',
};

export interface ResponseOptions {
  reason?: string;
  /** Added to To when the request's To has no tag (section 8.2.6.2). */
  toTag?: string;
  headers?: Record<string, string | number>;
  body?: Buffer;
}

/** Builds a response copying Via, From, To, Call-ID and CSeq from the request. */
export function createResponse(
  request: SipRequest,
  status: number,
  options: ResponseOptions = {},
): SipResponse {
  const headers = new SipHeaders();
  for (const via of request.headers.getAll('via')) headers.append('Via', via);
  headers.append('From', request.headers.get('from') ?? '');
  headers.append('To', toWithTag(request.headers.get('to') ?? '', options.toTag));
  headers.append('Call-ID', request.headers.get('call-id') ?? '');
  headers.append('CSeq', request.headers.get('cseq') ?? '');
  // Section 12.1.1: a dialog-creating response carries the request's Record-Route back.
  if (request.method === 'INVITE' && status > 100 && status < 300) {
    for (const route of request.headers.getAll('record-route'))
      headers.append('Record-Route', route);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return {
    kind: 'response',
    status,
    reason: options.reason ?? REASONS[status] ?? 'Unknown',
    headers,
    body: options.body ?? Buffer.alloc(0),
  };
}

function toWithTag(to: string, tag: string | undefined): string {
  const addr = parseNameAddr(to);
  if (!addr || !tag || addr.params.tag) return to;
  return formatNameAddr({ ...addr, params: { ...addr.params, tag } });
}
