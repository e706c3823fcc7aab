export interface RtspRequest {
  method: string;
  uri: string;
  /** Header names in lower case. */
  headers: Map<string, string>;
  body: Buffer;
}

export type RtspInput =
  | { kind: 'request'; request: RtspRequest }
  | { kind: 'interleaved'; channel: number; payload: Buffer }
  | { kind: 'invalid'; reason: string };

const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Incremental reader for what a client sends on an RTSP connection (RFC 2326 sections 6 and
 * 10.12): requests, and `$`-framed interleaved data (RTCP receiver reports) between them.
 */
export class RtspReader {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): RtspInput[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const inputs: RtspInput[] = [];
    for (;;) {
      const input = this.next();
      if (!input) break;
      inputs.push(input);
      if (input.kind === 'invalid') break;
    }
    return inputs;
  }

  private next(): RtspInput | null {
    if (this.buffer.length === 0) return null;
    if (this.buffer[0] === 0x24) return this.nextInterleaved();

    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) {
      return this.buffer.length > MAX_HEADER_BYTES ? invalid('header too large') : null;
    }
    const head = parseHead(this.buffer.subarray(0, end).toString('latin1'));
    if (!head) return invalid('malformed request line');

    const length = Number(head.headers.get('content-length') ?? 0);
    if (!Number.isInteger(length) || length < 0) return invalid('bad content-length');
    if (this.buffer.length < end + 4 + length) return null;

    const body = Buffer.from(this.buffer.subarray(end + 4, end + 4 + length));
    this.buffer = this.buffer.subarray(end + 4 + length);
    return { kind: 'request', request: { ...head, body } };
  }

  private nextInterleaved(): RtspInput | null {
    if (this.buffer.length < 4) return null;
    const length = this.buffer.readUInt16BE(2);
    if (this.buffer.length < 4 + length) return null;

    const channel = this.buffer[1]!;
    const payload = Buffer.from(this.buffer.subarray(4, 4 + length));
    this.buffer = this.buffer.subarray(4 + length);
    return { kind: 'interleaved', channel, payload };
  }
}

function invalid(reason: string): RtspInput {
  return { kind: 'invalid', reason };
}

function parseHead(text: string): Omit<RtspRequest, 'body'> | null {
  const [requestLine, ...lines] = text.split('\r\n');
  const match = requestLine?.match(/^([A-Z_]+) (\S+) RTSP\/1\.0$/);
  if (!match) return null;

  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { method: match[1]!, uri: match[2]!, headers };
}

export interface RtspResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  454: 'Session Not Found',
  455: 'Method Not Valid in This State',
  459: 'Aggregate Operation Not Allowed',
  461: 'Unsupported Transport',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function formatResponse(cseq: string | undefined, response: RtspResponse): Buffer {
  const lines = [`RTSP/1.0 ${response.status} ${REASONS[response.status] ?? 'Error'}`];
  if (cseq !== undefined) lines.push(`CSeq: ${cseq}`);
  lines.push('Server: gardenwatch-camsim', `Date: ${new Date().toUTCString()}`);
  for (const [name, value] of Object.entries(response.headers ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
  }
  const body = Buffer.from(response.body ?? '', 'utf8');
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}
