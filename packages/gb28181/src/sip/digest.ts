import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fail, ok, type Result } from '../errors.ts';
import { parseAuthParams, type HeaderParams } from './sip-header-values.ts';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** Only `auth` is supported; `auth-int` alone is refused. */
  qop?: 'auth';
  algorithm: 'MD5';
  stale?: boolean;
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

export function parseChallenge(headerValue: string): Result<DigestChallenge> {
  const parsed = parseAuthParams(headerValue);
  if (!parsed || parsed.scheme.toLowerCase() !== 'digest') {
    return fail('DIGEST_MALFORMED', 'not a Digest challenge');
  }
  const { realm, nonce, opaque, qop, algorithm, stale } = parsed.params;
  if (realm == null || !nonce) return fail('DIGEST_MALFORMED', 'challenge lacks realm or nonce');
  if (algorithm && algorithm.toUpperCase() !== 'MD5') {
    return fail('DIGEST_UNSUPPORTED', 'only the MD5 algorithm is supported');
  }
  const qops = (qop ?? '').split(',').map((item) => item.trim().toLowerCase());
  if (qop && !qops.includes('auth'))
    return fail('DIGEST_UNSUPPORTED', 'only qop=auth is supported');
  return ok({
    realm,
    nonce,
    algorithm: 'MD5',
    ...(opaque != null ? { opaque } : {}),
    ...(qop ? { qop: 'auth' as const } : {}),
    ...(stale?.toLowerCase() === 'true' ? { stale: true } : {}),
  });
}

export interface DigestCredentials {
  username: string;
  password: string;
}

export interface DigestInput {
  method: string;
  uri: string;
  realm: string;
  nonce: string;
  username: string;
  password: string;
  qop?: 'auth';
  nc?: string;
  cnonce?: string;
}

/** RFC 2617 section 3.2.2.1 request-digest. */
export function computeDigestResponse(input: DigestInput): string {
  const ha1 = md5(`${input.username}:${input.realm}:${input.password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  if (!input.qop) return md5(`${ha1}:${input.nonce}:${ha2}`);
  return md5(`${ha1}:${input.nonce}:${input.nc}:${input.cnonce}:${input.qop}:${ha2}`);
}

/** Answers a 401/407 challenge: the value of the Authorization header. */
export function buildAuthorization(options: {
  challenge: DigestChallenge;
  credentials: DigestCredentials;
  method: string;
  uri: string;
  nonceCount?: number;
  cnonce?: string;
}): string {
  const { challenge, credentials } = options;
  const nc = (options.nonceCount ?? 1).toString(16).padStart(8, '0');
  const cnonce = options.cnonce ?? randomBytes(8).toString('hex');
  const response = computeDigestResponse({
    method: options.method,
    uri: options.uri,
    realm: challenge.realm,
    nonce: challenge.nonce,
    ...credentials,
    ...(challenge.qop ? { qop: challenge.qop, nc, cnonce } : {}),
  });
  const parts = [
    `username="${credentials.username}"`,
    `realm="${challenge.realm}"`,
    `nonce="${challenge.nonce}"`,
    `uri="${options.uri}"`,
    `response="${response}"`,
    'algorithm=MD5',
  ];
  if (challenge.qop) parts.push(`qop=auth`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

export type DigestVerdict =
  | { ok: true; username: string }
  | { ok: false; reason: 'malformed' | 'unknown-user' | 'stale' | 'wrong' };

export interface DigestServerOptions {
  realm: string;
  /** Offer qop=auth (default) or the RFC 2069 form without qop. */
  qop?: boolean;
  nonceTtlMs?: number;
  now?: () => number;
}

/**
 * Server side of RFC 2617. Nonces are timestamps signed with a per-instance key, so no nonce
 * table is needed and a nonce from another instance or past its lifetime is answered as stale.
 */
export class DigestServer {
  private readonly key = randomBytes(32);
  private readonly ttl: number;
  private readonly now: () => number;

  constructor(private readonly options: DigestServerOptions) {
    this.ttl = options.nonceTtlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Value for a WWW-Authenticate header. */
  challenge(stale = false): string {
    const stamp = this.now().toString(16);
    const nonce = `${stamp}.${this.sign(stamp)}`;
    const parts = [`realm="${this.options.realm}"`, `nonce="${nonce}"`, 'algorithm=MD5'];
    if (this.options.qop !== false) parts.push('qop="auth"');
    if (stale) parts.push('stale=true');
    return `Digest ${parts.join(', ')}`;
  }

  // LIMITATION: nonce counts are not tracked, so a captured Authorization can be replayed
  // within the nonce lifetime; the short lifetime bounds that window.
  verify(
    method: string,
    authorization: string | undefined,
    passwordFor: (username: string) => string | undefined,
  ): DigestVerdict {
    const parsed = authorization ? parseAuthParams(authorization) : null;
    const params = parsed?.scheme.toLowerCase() === 'digest' ? parsed.params : null;
    if (!params?.username || !params.nonce || !params.uri || !params.response) {
      return { ok: false, reason: 'malformed' };
    }
    const password = passwordFor(params.username);
    if (password === undefined) return { ok: false, reason: 'unknown-user' };

    const expected = this.expected(method, params, password);
    if (!expected || !safeEqual(expected, params.response.toLowerCase())) {
      return { ok: false, reason: 'wrong' };
    }
    if (!this.nonceFresh(params.nonce)) return { ok: false, reason: 'stale' };
    return { ok: true, username: params.username };
  }

  private expected(method: string, params: HeaderParams, password: string): string | null {
    const qop = params.qop?.toLowerCase();
    if (qop && (qop !== 'auth' || !params.nc || !params.cnonce)) return null;
    if (!qop && this.options.qop !== false) return null;
    return computeDigestResponse({
      method,
      uri: params.uri!,
      realm: this.options.realm,
      nonce: params.nonce!,
      username: params.username!,
      password,
      ...(qop ? { qop: 'auth' as const, nc: params.nc!, cnonce: params.cnonce! } : {}),
    });
  }

  private nonceFresh(nonce: string): boolean {
    const [stamp = '', signature = ''] = nonce.split('.');
    if (!safeEqual(this.sign(stamp), signature)) return false;
    const age = this.now() - parseInt(stamp, 16);
    return age >= 0 && age <= this.ttl;
  }

  private sign(stamp: string): string {
    return createHmac('sha256', this.key).update(stamp).digest('hex').slice(0, 32);
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
