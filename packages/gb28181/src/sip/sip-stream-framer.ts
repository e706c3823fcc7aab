import { Gb28181Error } from '../errors.ts';
import { findHeaderEnd, parseHeaderSection, readContentLength } from './sip-parser.ts';
import { DEFAULT_SIP_LIMITS, type SipLimits, type SipMessage } from './sip-message.ts';

export type FramerOutput =
  | { kind: 'message'; message: SipMessage }
  /** The stream cannot be resynchronised after this; the connection should be closed. */
  | { kind: 'error'; error: Gb28181Error };

/**
 * Cuts a TCP byte stream into SIP messages by Content-Length (section 18.3: mandatory on streams).
 * Leading CRLFs (RFC 5626 keepalives) are skipped. After an error the framer stays failed.
 */
export class SipStreamFramer {
  private buffer: Buffer = Buffer.alloc(0);
  private failed = false;

  constructor(private readonly limits: SipLimits = DEFAULT_SIP_LIMITS) {}

  push(chunk: Buffer): FramerOutput[] {
    if (this.failed) return [];
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const out: FramerOutput[] = [];
    for (;;) {
      const next = this.next();
      if (!next) break;
      out.push(next);
      if (next.kind === 'error') {
        this.failed = true;
        this.buffer = Buffer.alloc(0);
        break;
      }
    }
    return out;
  }

  private skipKeepalives(): void {
    let offset = 0;
    while (
      offset < this.buffer.length &&
      (this.buffer[offset] === 13 || this.buffer[offset] === 10)
    ) {
      offset++;
    }
    if (offset > 0) this.buffer = this.buffer.subarray(offset);
  }

  private next(): FramerOutput | null {
    this.skipKeepalives();
    if (this.buffer.length === 0) return null;
    const section = findHeaderEnd(this.buffer);
    if (!section) {
      if (this.buffer.length <= this.limits.maxHeaderBytes) return null;
      return error('SIP_HEADERS_TOO_LARGE', 'header section exceeds the limit');
    }
    const head = parseHeaderSection(section.headerText, this.limits);
    if (!head.ok) return { kind: 'error', error: head.error };
    const declared = readContentLength(head.value, this.limits);
    if (!declared.ok) return { kind: 'error', error: declared.error };
    if (declared.value === null) return error('SIP_BAD_CONTENT_LENGTH', 'Content-Length missing');

    const end = section.bodyStart + declared.value;
    if (this.buffer.length < end) return null;
    const body = Buffer.from(this.buffer.subarray(section.bodyStart, end));
    this.buffer = this.buffer.subarray(end);
    return { kind: 'message', message: { ...head.value, body } as SipMessage };
  }
}

function error(
  code: 'SIP_HEADERS_TOO_LARGE' | 'SIP_BAD_CONTENT_LENGTH',
  message: string,
): FramerOutput {
  return { kind: 'error', error: new Gb28181Error(code, message) };
}
