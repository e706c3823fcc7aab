import { SipHeaders } from '../sip/sip-headers.ts';
import type { SipRequest } from '../sip/sip-message.ts';

export interface OutOfDialogRequest {
  method: string;
  uri: string;
  from: string;
  fromTag: string;
  to: string;
  callId: string;
  cseq: number;
  contact?: string;
  expires?: number;
  contentType?: string;
  body?: Buffer;
  userAgent?: string;
}

/** A request outside any dialog (section 8.1.1); the stack adds the Via. */
export function createRequest(options: OutOfDialogRequest): SipRequest {
  const headers = new SipHeaders();
  headers.append('From', `<${options.from}>;tag=${options.fromTag}`);
  headers.append('To', `<${options.to}>`);
  headers.append('Call-ID', options.callId);
  headers.append('CSeq', `${options.cseq} ${options.method}`);
  headers.append('Max-Forwards', '70');
  if (options.contact) headers.append('Contact', options.contact);
  if (options.expires !== undefined) headers.append('Expires', String(options.expires));
  if (options.userAgent) headers.append('User-Agent', options.userAgent);
  if (options.contentType) headers.append('Content-Type', options.contentType);
  return {
    kind: 'request',
    method: options.method,
    uri: options.uri,
    headers,
    body: options.body ?? Buffer.alloc(0),
  };
}
