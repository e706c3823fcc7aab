import { SipHeaders } from './sip-headers.ts';
import type { SipRequest } from './sip-message.ts';

/** A minimal valid request for tests of the SIP layer. */
export function testRequest(method: string, branch = 'z9hG4bKtest', callId = 'call-1'): SipRequest {
  return {
    kind: 'request',
    method,
    uri: 'sip:34020000002000000001@3402000000',
    headers: SipHeaders.from({
      Via: `SIP/2.0/UDP 127.0.0.1:5060;branch=${branch}`,
      From: '<sip:44030500112000000001@4403050011>;tag=f1',
      To: '<sip:34020000002000000001@3402000000>',
      'Call-ID': callId,
      CSeq: `1 ${method}`,
      'Max-Forwards': 70,
    }),
    body: Buffer.alloc(0),
  };
}
