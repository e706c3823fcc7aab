import { createHash, timingSafeEqual } from 'node:crypto';
import type { Credentials } from '../rtsp/auth.ts';

/** How far a token's Created time may be from ours. */
const MAX_SKEW_MS = 5 * 60_000;

function element(xml: string, name: string): { attributes: string; text: string } | null {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${name}\\b([^>]*)>([^<]*)</(?:[\\w-]+:)?${name}>`);
  const match = xml.match(pattern);
  return match ? { attributes: match[1] ?? '', text: match[2]!.trim() } : null;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a WS-Security UsernameToken (OASIS UsernameToken Profile 1.0, as ONVIF Core section
 * 5.12 requires): PasswordDigest = Base64(SHA-1(nonce + created + password)), or PasswordText.
 */
export function verifyUsernameToken(
  envelope: string,
  expected: Credentials,
  now = Date.now(),
): boolean {
  const token = usernameTokenBlock(envelope);
  if (!token) return false;

  const username = element(token.text, 'Username')?.text;
  const password = element(token.text, 'Password');
  if (username !== expected.username || !password) return false;
  if (!password.attributes.includes('#PasswordDigest')) {
    return safeEqual(password.text, expected.password);
  }

  const nonce = element(token.text, 'Nonce')?.text;
  const created = element(token.text, 'Created')?.text;
  if (!nonce || !created) return false;
  const createdMs = Date.parse(created);
  if (!Number.isFinite(createdMs) || Math.abs(now - createdMs) > MAX_SKEW_MS) return false;

  const digest = createHash('sha1')
    .update(
      Buffer.concat([
        Buffer.from(nonce, 'base64'),
        Buffer.from(created),
        Buffer.from(expected.password),
      ]),
    )
    .digest('base64');
  return safeEqual(digest, password.text);
}

/** The UsernameToken element and its children. */
function usernameTokenBlock(envelope: string): { attributes: string; text: string } | null {
  const match = envelope.match(
    /<(?:[\w-]+:)?UsernameToken\b([^>]*)>([\s\S]*?)<\/(?:[\w-]+:)?UsernameToken>/,
  );
  return match ? { attributes: match[1] ?? '', text: match[2]! } : null;
}

/** The name of the first element inside the SOAP Body: the requested operation. */
export function soapAction(envelope: string): string | null {
  const match = envelope.match(/<(?:[\w-]+:)?Body\b[^>]*>\s*<(?:[\w-]+:)?([A-Za-z]+)/);
  return match?.[1] ?? null;
}

export function soapElementText(envelope: string, name: string): string | null {
  return element(envelope, name)?.text ?? null;
}
