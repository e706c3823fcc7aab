import { describe, expect, it } from 'vitest';
import { SipHeaders } from './sip-headers.ts';
import { parseSipDatagram } from './sip-parser.ts';
import { serializeSipMessage } from './sip-serializer.ts';

const register = [
  'REGISTER sip:34020000002000000001@3402000000 SIP/2.0',
  'v: SIP/2.0/UDP 10.0.0.2:5060;rport;branch=z9hG4bK1',
  'Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK0, SIP/2.0/UDP 10.0.0.8;branch=z9hG4bKx',
  'f: <sip:44030500112000000001@4403050011>;tag=abc',
  'T: <sip:44030500112000000001@4403050011>',
  'i: 1234@10.0.0.2',
  'CSEQ: 1 REGISTER',
  'Expires: 3600',
  'l: 4',
  '',
  'bodyEXTRA',
].join('\r\n');

describe('parseSipDatagram', () => {
  it('parses compact, case-insensitive and multi-value headers', () => {
    const parsed = parseSipDatagram(Buffer.from(register));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.value.kind !== 'request') return;
    const { value } = parsed;
    expect(value.method).toBe('REGISTER');
    expect(value.uri).toBe('sip:34020000002000000001@3402000000');
    expect(value.headers.getAll('via')).toHaveLength(3);
    expect(value.headers.get('Call-ID')).toBe('1234@10.0.0.2');
    expect(value.headers.get('cseq')).toBe('1 REGISTER');
    expect(value.headers.get('from')).toContain('tag=abc');
    expect(value.body.toString()).toBe('body');
  });

  it('parses status lines and folded headers', () => {
    const text =
      'SIP/2.0 401 Unauthorized\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n' +
      'To: <sip:a@b>\r\nCall-ID: x\r\nCSeq: 1 REGISTER\r\nWWW-Authenticate: Digest realm="r",\r\n' +
      ' nonce="n", qop="auth,auth-int"\r\nContent-Length: 0\r\n\r\n';
    const parsed = parseSipDatagram(Buffer.from(text));
    if (!parsed.ok || parsed.value.kind !== 'response') throw new Error('expected a response');
    expect(parsed.value.status).toBe(401);
    expect(parsed.value.headers.getAll('www-authenticate')).toEqual([
      'Digest realm="r", nonce="n", qop="auth,auth-int"',
    ]);
  });

  it.each([
    ['garbage start line', 'HELLO WORLD\r\nVia: x\r\n\r\n', 'SIP_MALFORMED_START_LINE'],
    ['wrong version', 'INVITE sip:a@b SIP/3.0\r\n\r\n', 'SIP_MALFORMED_START_LINE'],
    ['missing Call-ID', register.replace('i: 1234@10.0.0.2\r\n', ''), 'SIP_MISSING_HEADER'],
    ['bad CSeq', register.replace('CSEQ: 1 REGISTER', 'CSeq: one'), 'SIP_MALFORMED_HEADER'],
    ['no colon', register.replace('Expires: 3600', 'Expires 3600'), 'SIP_MALFORMED_HEADER'],
    ['Content-Length too long', register.replace('l: 4', 'l: 400'), 'SIP_BAD_CONTENT_LENGTH'],
    ['Content-Length not a number', register.replace('l: 4', 'l: -4'), 'SIP_BAD_CONTENT_LENGTH'],
    ['truncated', register.slice(0, 80), 'SIP_INCOMPLETE'],
  ])('refuses %s', (_name, text, code) => {
    const parsed = parseSipDatagram(Buffer.from(text));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe(code);
  });

  it('enforces header count, header size and body limits', () => {
    const limits = { maxHeaderCount: 10, maxHeaderBytes: 600, maxBodyBytes: 3 };
    const many = register.replace('Expires: 3600', Array(10).fill('X-A: 1').join('\r\n'));
    const huge = register.replace('Expires: 3600', `X-Big: ${'a'.repeat(700)}`);
    const codes = [many, huge, register].map((text) => {
      const parsed = parseSipDatagram(Buffer.from(text), limits);
      return parsed.ok ? 'ok' : parsed.error.code;
    });
    expect(codes).toEqual(['SIP_TOO_MANY_HEADERS', 'SIP_HEADERS_TOO_LARGE', 'SIP_BODY_TOO_LARGE']);
  });

  it('round-trips through the serialiser with a corrected Content-Length', () => {
    const headers = SipHeaders.from({
      Via: 'SIP/2.0/TCP h:5060;branch=z9hG4bKq',
      From: '<sip:a@b>;tag=1',
      To: '<sip:c@d>',
      'Call-ID': 'c1',
      CSeq: '2 MESSAGE',
      'Content-Length': 99,
    });
    const body = Buffer.from('<xml/>');
    const wire = serializeSipMessage({
      kind: 'request',
      method: 'MESSAGE',
      uri: 'sip:c@d',
      headers,
      body,
    });
    expect(wire.toString()).toContain(
      'Call-ID: c1\r\nCSeq: 2 MESSAGE\r\nContent-Length: 6\r\n\r\n<xml/>',
    );
    const parsed = parseSipDatagram(wire);
    expect(parsed.ok && parsed.value.body.toString()).toBe('<xml/>');
  });
});
