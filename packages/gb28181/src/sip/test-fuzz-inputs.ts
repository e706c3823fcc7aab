import fc from 'fast-check';

export const VALID_MESSAGE = [
  'MESSAGE sip:44030500112000000001@4403050011 SIP/2.0',
  'Via: SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK776',
  'From: <sip:44030000002000000001@4403000000>;tag=1',
  'To: <sip:44030500112000000001@4403050011>',
  'Call-ID: 9@10.0.0.1',
  'CSeq: 20 MESSAGE',
  'Content-Type: Application/MANSCDP+xml',
  'Content-Length: 11',
  '',
  '<Query/>abc',
].join('\r\n');

/** Malformed variants of a valid message: the classes of bad input a gateway sees. */
export const malformedSip = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
  fc.nat(VALID_MESSAGE.length).map((cut) => Buffer.from(VALID_MESSAGE.slice(0, cut))),
  fc.string({ maxLength: 200 }).map((line) => Buffer.from(VALID_MESSAGE.replace(/^[^\r]*/, line))),
  fc
    .tuple(fc.nat(400), fc.string({ maxLength: 40 }))
    .map(([count, value]) =>
      Buffer.from(
        VALID_MESSAGE.replace('CSeq', `${'X-Rep: ' + value + '\r\n'}`.repeat(count) + 'CSeq'),
      ),
    ),
  fc
    .nat(40_000)
    .map((size) =>
      Buffer.from(VALID_MESSAGE.replace('Call-ID: 9', `Call-ID: ${'9'.repeat(size)}`)),
    ),
  fc
    .oneof(fc.integer(), fc.string({ maxLength: 12 }))
    .map((length) =>
      Buffer.from(VALID_MESSAGE.replace('Content-Length: 11', `Content-Length: ${length}`)),
    ),
  fc
    .tuple(fc.nat(VALID_MESSAGE.length), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([at, bytes]) => {
      const buf = Buffer.from(VALID_MESSAGE);
      buf.set(bytes.subarray(0, Math.max(0, buf.length - at)), at);
      return buf;
    }),
);
