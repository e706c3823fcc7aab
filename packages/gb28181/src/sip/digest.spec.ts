import { describe, expect, it } from 'vitest';
import {
  buildAuthorization,
  computeDigestResponse,
  DigestServer,
  parseChallenge,
} from './digest.ts';

describe('digest', () => {
  it('matches the RFC 2617 section 3.5 example', () => {
    const response = computeDigestResponse({
      method: 'GET',
      uri: '/dir/index.html',
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      username: 'Mufasa',
      password: 'Circle Of Life',
      qop: 'auth',
      nc: '00000001',
      cnonce: '0a4f113b',
    });
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('parses challenges and refuses unsupported ones', () => {
    const parsed = parseChallenge(
      'Digest realm="3402000000", nonce="abc", qop="auth,auth-int", algorithm=MD5',
    );
    expect(parsed.ok && parsed.value).toEqual({
      realm: '3402000000',
      nonce: 'abc',
      algorithm: 'MD5',
      qop: 'auth',
    });
    const sha = parseChallenge('Digest realm="r", nonce="n", algorithm=SHA-256');
    expect(!sha.ok && sha.error.code).toBe('DIGEST_UNSUPPORTED');
    expect(parseChallenge('Basic realm="r"').ok).toBe(false);
  });

  for (const qop of [true, false]) {
    it(`verifies a client answer ${qop ? 'with' : 'without'} qop and refuses a wrong password`, () => {
      const server = new DigestServer({ realm: '4403050011', qop });
      const challenge = parseChallenge(server.challenge());
      if (!challenge.ok) throw challenge.error;
      const answer = (password: string) =>
        buildAuthorization({
          challenge: challenge.value,
          credentials: { username: '44030500112000000001', password },
          method: 'REGISTER',
          uri: 'sip:44030500002000000001@4403050000',
        });
      const lookup = (user: string) => (user === '44030500112000000001' ? 'secret' : undefined);
      expect(server.verify('REGISTER', answer('secret'), lookup)).toEqual({
        ok: true,
        username: '44030500112000000001',
      });
      expect(server.verify('REGISTER', answer('guess'), lookup)).toEqual({
        ok: false,
        reason: 'wrong',
      });
      expect(server.verify('INVITE', answer('secret'), lookup)).toEqual({
        ok: false,
        reason: 'wrong',
      });
      expect(server.verify('REGISTER', 'Digest username="x"', lookup).ok).toBe(false);
    });
  }

  it('answers an expired or foreign nonce as stale', () => {
    let now = 1_000_000;
    const server = new DigestServer({ realm: 'r', nonceTtlMs: 1000, now: () => now });
    const challenge = parseChallenge(server.challenge());
    if (!challenge.ok) throw challenge.error;
    const header = buildAuthorization({
      challenge: challenge.value,
      credentials: { username: 'u', password: 'p' },
      method: 'REGISTER',
      uri: 'sip:x@y',
    });
    now += 5000;
    expect(server.verify('REGISTER', header, () => 'p')).toEqual({ ok: false, reason: 'stale' });
    const other = new DigestServer({ realm: 'r' });
    expect(other.verify('REGISTER', header, () => 'p')).toEqual({ ok: false, reason: 'stale' });
  });
});
