import { describe, expect, it } from 'vitest';
import { SipStreamFramer } from './sip-stream-framer.ts';

function message(callId: string, body: string, length = Buffer.byteLength(body)): string {
  return (
    `MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK${callId}\r\nFrom: <sip:x@y>;tag=1\r\n` +
    `To: <sip:a@b>\r\nCall-ID: ${callId}\r\nCSeq: 1 MESSAGE\r\nContent-Length: ${length}\r\n\r\n${body}`
  );
}

describe('SipStreamFramer', () => {
  it('cuts messages at Content-Length across arbitrary chunk boundaries', () => {
    const stream = Buffer.from('\r\n\r\n' + message('one', 'hello') + message('two', '你好'));
    for (const size of [1, 7, 64, stream.length]) {
      const framer = new SipStreamFramer();
      const bodies: string[] = [];
      for (let offset = 0; offset < stream.length; offset += size) {
        for (const out of framer.push(stream.subarray(offset, offset + size))) {
          if (out.kind === 'message') bodies.push(out.message.body.toString());
        }
      }
      expect(bodies).toEqual(['hello', '你好']);
    }
  });

  it('fails when Content-Length is missing or the header section never ends', () => {
    const missing = new SipStreamFramer().push(
      Buffer.from(message('x', '').replace('Content-Length: 0\r\n', '')),
    );
    expect(missing[0]?.kind === 'error' && missing[0].error.code).toBe('SIP_BAD_CONTENT_LENGTH');

    const framer = new SipStreamFramer({
      maxHeaderCount: 10,
      maxHeaderBytes: 100,
      maxBodyBytes: 10,
    });
    const endless = framer.push(Buffer.from('INVITE sip:a@b SIP/2.0\r\n' + 'X: y\r\n'.repeat(30)));
    expect(endless[0]?.kind === 'error' && endless[0].error.code).toBe('SIP_HEADERS_TOO_LARGE');
    expect(framer.push(Buffer.from(message('after', '')))).toEqual([]);
  });

  it('refuses a declared body above the limit before it arrives', () => {
    const framer = new SipStreamFramer({
      maxHeaderCount: 10,
      maxHeaderBytes: 1000,
      maxBodyBytes: 10,
    });
    const out = framer.push(Buffer.from(message('big', '', 1_000_000)));
    expect(out[0]?.kind === 'error' && out[0].error.code).toBe('SIP_BODY_TOO_LARGE');
  });
});
