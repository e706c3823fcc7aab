import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type AuthMode = 'digest' | 'basic' | 'any' | 'none';

export interface Credentials {
  username: string;
  password: string;
}

const NONCE_LIFETIME_MS = 10 * 60_000;

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * HTTP authentication as RTSP uses it (RFC 2326 section 16, RFC 2617): Basic, and Digest with
 * MD5, with or without qop=auth. Nonces are stateless: a time and its HMAC, so any connection
 * may reuse a nonce while it is fresh.
 */
export class RtspAuthenticator {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly mode: AuthMode,
    readonly realm: string,
  ) {}

  /** WWW-Authenticate values for a 401 response. */
  challenges(): string[] {
    const list: string[] = [];
    if (this.mode === 'digest' || this.mode === 'any') {
      list.push(`Digest realm="${this.realm}", nonce="${this.nonce()}", algorithm="MD5"`);
    }
    if (this.mode === 'basic' || this.mode === 'any') list.push(`Basic realm="${this.realm}"`);
    return list;
  }

  verify(authorization: string | undefined, method: string, expected: Credentials): boolean {
    if (this.mode === 'none') return true;
    if (!authorization) return false;

    const space = authorization.indexOf(' ');
    const scheme = authorization.slice(0, space).toLowerCase();
    const rest = authorization.slice(space + 1);
    if (scheme === 'basic' && this.mode !== 'digest') return verifyBasic(rest, expected);
    if (scheme === 'digest' && this.mode !== 'basic')
      return this.verifyDigest(rest, method, expected);
    return false;
  }

  private verifyDigest(params: string, method: string, expected: Credentials): boolean {
    const fields = parseDigestParams(params);
    const { username, nonce, uri, response } = fields;
    if (!username || !nonce || !uri || !response) return false;
    if (username !== expected.username || fields.realm !== this.realm || !this.nonceValid(nonce)) {
      return false;
    }

    const ha1 = md5(`${username}:${this.realm}:${expected.password}`);
    const ha2 = md5(`${method}:${uri}`);
    const digest =
      fields.qop === 'auth'
        ? md5(`${ha1}:${nonce}:${fields.nc ?? ''}:${fields.cnonce ?? ''}:auth:${ha2}`)
        : md5(`${ha1}:${nonce}:${ha2}`);
    return safeEqual(digest, response.toLowerCase());
  }

  private nonce(now = Date.now()): string {
    const time = now.toString(16);
    const mac = createHmac('sha256', this.secret).update(time).digest('hex').slice(0, 24);
    return `${time}${mac}`;
  }

  private nonceValid(nonce: string): boolean {
    const time = parseInt(nonce.slice(0, -24), 16);
    if (!Number.isFinite(time) || Date.now() - time > NONCE_LIFETIME_MS) return false;
    return safeEqual(this.nonce(time), nonce);
  }
}

function verifyBasic(token: string, expected: Credentials): boolean {
  const decoded = Buffer.from(token.trim(), 'base64').toString('utf8');
  return safeEqual(decoded, `${expected.username}:${expected.password}`);
}

export function parseDigestParams(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const pattern = /(\w+)=(?:"([^"]*)"|([^,\s]*))/g;
  for (const match of text.matchAll(pattern)) {
    fields[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return fields;
}
