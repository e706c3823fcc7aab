import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gb28181Error } from '../errors.ts';
import { parseQuery } from '../manscdp/manscdp-message.ts';
import { parseGbSdp } from '../sdp.ts';
import { DigestServer } from './digest.ts';
import { parseSipDatagram } from './sip-parser.ts';
import { SipStreamFramer } from './sip-stream-framer.ts';
import { malformedSip } from './test-fuzz-inputs.ts';

function isExpected(result: { ok: boolean; error?: unknown }): boolean {
  return result.ok || result.error instanceof Gb28181Error;
}

describe('fuzzing the protocol parsers', () => {
  it('the datagram parser returns a value or a typed error for any input', () => {
    fc.assert(
      fc.property(malformedSip, (datagram) => {
        expect(isExpected(parseSipDatagram(datagram))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('the stream framer never throws and never yields more messages than input bytes allow', () => {
    fc.assert(
      fc.property(
        fc.array(malformedSip, { maxLength: 6 }),
        fc.integer({ min: 1, max: 700 }),
        (parts, chunk) => {
          const framer = new SipStreamFramer();
          const stream = Buffer.concat(parts);
          let outputs = 0;
          for (let offset = 0; offset < stream.length; offset += chunk) {
            outputs += framer.push(stream.subarray(offset, offset + chunk)).length;
          }
          expect(outputs).toBeLessThanOrEqual(parts.length * 2 + 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the digest server refuses every forged or mangled Authorization without throwing', () => {
    const server = new DigestServer({ realm: '4403000000' });
    const challenge = server.challenge();
    const nonce = /nonce="([^"]+)"/.exec(challenge)![1]!;
    const forged = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc
        .record({
          user: fc.string({ maxLength: 30 }),
          response: fc.string({ maxLength: 40 }),
          nc: fc.string({ maxLength: 10 }),
        })
        .map(
          ({ user, response, nc }) =>
            `Digest username="${user}", realm="4403000000", nonce="${nonce}", uri="sip:x@y", response="${response}", qop=auth, nc=${nc}, cnonce="c"`,
        ),
    );
    fc.assert(
      fc.property(forged, (header) => {
        expect(server.verify('REGISTER', header, () => 'secret').ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('the MANSCDP and SDP parsers return a value or a typed error for any input', () => {
    const xmlish = fc.oneof(
      fc.string({ maxLength: 500 }),
      fc
        .string({ maxLength: 100 })
        .map((inner) => `<Query><CmdType>${inner}</CmdType><SN>1</SN></Query>`),
      fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    fc.assert(
      fc.property(xmlish, (text) => {
        expect(isExpected(parseQuery(Buffer.from(text, 'latin1')))).toBe(true);
        expect(isExpected(parseGbSdp(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
