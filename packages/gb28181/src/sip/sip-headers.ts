/** RFC 3261 section 7.3.3 compact header names. */
const COMPACT: Record<string, string> = {
  i: 'call-id',
  m: 'contact',
  e: 'content-encoding',
  l: 'content-length',
  c: 'content-type',
  f: 'from',
  s: 'subject',
  k: 'supported',
  t: 'to',
  v: 'via',
  o: 'event',
  r: 'refer-to',
  u: 'allow-events',
};

const CANONICAL: Record<string, string> = {
  'call-id': 'Call-ID',
  cseq: 'CSeq',
  'www-authenticate': 'WWW-Authenticate',
  'proxy-authenticate': 'Proxy-Authenticate',
  'mime-version': 'MIME-Version',
};

/** Headers whose values may be comma-joined lists (section 7.3.1); others keep commas inside. */
const LIST_HEADERS = new Set([
  'via',
  'route',
  'record-route',
  'contact',
  'allow',
  'supported',
  'require',
  'proxy-require',
  'unsupported',
  'accept',
]);

export function normalizeHeaderName(name: string): string {
  const lower = name.toLowerCase();
  return COMPACT[lower] ?? lower;
}

function canonicalName(key: string): string {
  const known = CANONICAL[key];
  if (known) return known;
  return key
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}

/** Splits on commas outside quotes and angle brackets. */
export function splitHeaderList(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth = Math.max(0, depth - 1);
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(value.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(value.slice(start).trim());
  return parts.filter((part) => part.length > 0);
}

/** Ordered, case-insensitive header store that keeps repeated headers in arrival order. */
export class SipHeaders {
  private readonly entries: Array<{ key: string; value: string }> = [];

  static from(init: Record<string, string | number | string[]>): SipHeaders {
    const headers = new SipHeaders();
    for (const [name, value] of Object.entries(init)) {
      const values = Array.isArray(value) ? value : [String(value)];
      for (const item of values) headers.append(name, item);
    }
    return headers;
  }

  append(name: string, value: string): void {
    this.entries.push({ key: normalizeHeaderName(name), value: value.trim() });
  }

  set(name: string, value: string | number): void {
    this.delete(name);
    this.append(name, String(value));
  }

  delete(name: string): void {
    const key = normalizeHeaderName(name);
    for (let i = this.entries.length - 1; i >= 0; i--) {
      if (this.entries[i]?.key === key) this.entries.splice(i, 1);
    }
  }

  has(name: string): boolean {
    const key = normalizeHeaderName(name);
    return this.entries.some((entry) => entry.key === key);
  }

  /** First value; for list headers the first element of the first line. */
  get(name: string): string | undefined {
    return this.getAll(name)[0];
  }

  /** Every value, with comma-joined list headers split into their elements. */
  getAll(name: string): string[] {
    const key = normalizeHeaderName(name);
    const values = this.entries.filter((entry) => entry.key === key).map((entry) => entry.value);
    if (!LIST_HEADERS.has(key)) return values;
    return values.flatMap((value) => (value === '*' ? [value] : splitHeaderList(value)));
  }

  get size(): number {
    return this.entries.length;
  }

  clone(): SipHeaders {
    const copy = new SipHeaders();
    for (const entry of this.entries) copy.entries.push({ ...entry });
    return copy;
  }

  toLines(): string[] {
    return this.entries.map((entry) => `${canonicalName(entry.key)}: ${entry.value}`);
  }
}
