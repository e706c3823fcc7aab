import { randomBytes } from 'node:crypto';

export type HeaderParams = Record<string, string | null>;

export interface NameAddr {
  displayName: string | null;
  uri: string;
  params: HeaderParams;
}

export interface SipUri {
  scheme: string;
  user: string | null;
  host: string;
  port: number | null;
  params: HeaderParams;
}

export interface Via {
  transport: string;
  host: string;
  port: number | null;
  params: HeaderParams;
}

/** `;a=b;c` into a map; quoted values are unquoted. */
export function parseParams(text: string): HeaderParams {
  const params: HeaderParams = {};
  for (const part of text.split(';')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const key = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    params[key] = eq < 0 ? null : unquote(trimmed.slice(eq + 1).trim());
  }
  return params;
}

export function formatParams(params: HeaderParams): string {
  return Object.entries(params)
    .map(([key, value]) => (value === null ? `;${key}` : `;${key}=${value}`))
    .join('');
}

export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

/** From, To, Contact, Route: `"Name" <uri>;params` or `uri;params`. */
export function parseNameAddr(value: string): NameAddr | null {
  const open = value.indexOf('<');
  if (open >= 0) {
    const close = value.indexOf('>', open);
    if (close < 0) return null;
    const displayName = unquote(value.slice(0, open).trim()) || null;
    const uri = value.slice(open + 1, close).trim();
    return uri ? { displayName, uri, params: parseParams(value.slice(close + 1)) } : null;
  }
  const [uri = '', ...rest] = value.trim().split(';');
  return uri ? { displayName: null, uri, params: parseParams(rest.join(';')) } : null;
}

export function formatNameAddr(addr: NameAddr): string {
  const name = addr.displayName ? `"${addr.displayName.replace(/["\\]/g, '\\$&')}" ` : '';
  return `${name}<${addr.uri}>${formatParams(addr.params)}`;
}

const URI = /^(sips?):(?:([^@;?]+)@)?(\[[^\]]+\]|[^:;?]+)(?::(\d{1,5}))?((?:;[^?]*)?)/i;

export function parseSipUri(uri: string): SipUri | null {
  const match = URI.exec(uri.trim());
  if (!match) return null;
  return {
    scheme: match[1]!.toLowerCase(),
    user: match[2] ?? null,
    host: match[3]!,
    port: match[4] ? Number(match[4]) : null,
    params: parseParams(match[5] ?? ''),
  };
}

export function formatSipUri(uri: {
  user?: string | null;
  host: string;
  port?: number | null;
}): string {
  const user = uri.user ? `${uri.user}@` : '';
  const port = uri.port ? `:${uri.port}` : '';
  return `sip:${user}${uri.host}${port}`;
}

const VIA = /^SIP\s*\/\s*2\.0\s*\/\s*([A-Za-z]+)\s+(\[[^\]]+\]|[^:;\s]+)(?::(\d{1,5}))?\s*(.*)$/;

export function parseVia(value: string): Via | null {
  const match = VIA.exec(value.trim());
  if (!match) return null;
  return {
    transport: match[1]!.toUpperCase(),
    host: match[2]!,
    port: match[3] ? Number(match[3]) : null,
    params: parseParams(match[4] ?? ''),
  };
}

export function formatVia(via: Via): string {
  const port = via.port ? `:${via.port}` : '';
  return `SIP/2.0/${via.transport} ${via.host}${port}${formatParams(via.params)}`;
}

export function parseCSeq(value: string): { seq: number; method: string } | null {
  const match = /^(\d{1,10})\s+([A-Za-z]+)$/.exec(value.trim());
  return match ? { seq: Number(match[1]), method: match[2]!.toUpperCase() } : null;
}

/** `Digest a="b", c=d` into a map (RFC 2617 section 3.2.1). */
export function parseAuthParams(value: string): { scheme: string; params: HeaderParams } | null {
  const match = /^\s*([A-Za-z]+)\s+(.*)$/s.exec(value);
  if (!match) return null;
  const params: HeaderParams = {};
  const pair = /([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*)\s*(?:,|$)/g;
  for (const item of match[2]!.matchAll(pair)) params[item[1]!.toLowerCase()] = unquote(item[2]!);
  return { scheme: match[1]!, params };
}

/** Section 8.1.1.7: branches start with the magic cookie. */
export function newBranch(): string {
  return `z9hG4bK${randomBytes(8).toString('hex')}`;
}

export function newTag(): string {
  return randomBytes(6).toString('hex');
}

export function newCallId(host: string): string {
  return `${randomBytes(10).toString('hex')}@${host}`;
}
