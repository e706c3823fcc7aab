import { fail, ok, type Result } from '../errors.ts';
import { SipHeaders } from './sip-headers.ts';
import { DEFAULT_SIP_LIMITS, type SipLimits, type SipMessage } from './sip-message.ts';

const REQUEST_LINE = /^([A-Za-z][A-Za-z0-9.!%*_+`'~-]*) (\S+) SIP\/2\.0$/;
const STATUS_LINE = /^SIP\/2\.0 ([1-6]\d\d) ?([^\r\n]*)$/;
const HEADER_NAME = /^[A-Za-z0-9.!%*_+`'~-]+$/;
const CSEQ = /^\d{1,10}\s+[A-Za-z]+$/;
const REQUIRED = ['via', 'from', 'to', 'call-id', 'cseq'];

export interface HeaderSection {
  /** Offset of the first body byte. */
  bodyStart: number;
  headerText: string;
}

/** Finds the blank line ending the header section; tolerates bare LF as section 7.5 allows. */
export function findHeaderEnd(buf: Buffer, from = 0): HeaderSection | null {
  const crlf = buf.indexOf('\r\n\r\n', from);
  const lf = buf.indexOf('\n\n', from);
  if (crlf < 0 && lf < 0) return null;
  const useLf = lf >= 0 && (crlf < 0 || lf < crlf);
  const end = useLf ? lf : crlf;
  return {
    bodyStart: end + (useLf ? 2 : 4),
    headerText: buf.subarray(from, end).toString('latin1'),
  };
}

function unfold(headerText: string): string[] {
  const lines: string[] = [];
  for (const raw of headerText.split(/\r?\n/)) {
    const last = lines.length - 1;
    if (/^[ \t]/.test(raw) && last > 0) lines[last] += ' ' + raw.trim();
    else lines.push(raw);
  }
  return lines;
}

function parseStartLine(line: string): Result<Omit<SipMessage, 'headers' | 'body'>> {
  const request = REQUEST_LINE.exec(line);
  if (request) return ok({ kind: 'request', method: request[1]!.toUpperCase(), uri: request[2]! });
  const status = STATUS_LINE.exec(line);
  if (status) return ok({ kind: 'response', status: Number(status[1]), reason: status[2] ?? '' });
  return fail('SIP_MALFORMED_START_LINE', 'start line is neither a request nor a status line');
}

/** Parses the header section (start line and headers) of one message, without the body. */
export function parseHeaderSection(
  headerText: string,
  limits: SipLimits = DEFAULT_SIP_LIMITS,
): Result<Omit<SipMessage, 'body'>> {
  if (headerText.length > limits.maxHeaderBytes) {
    return fail('SIP_HEADERS_TOO_LARGE', 'header section exceeds the limit');
  }
  const [startLine = '', ...headerLines] = unfold(headerText);
  const start = parseStartLine(startLine);
  if (!start.ok) return start;
  if (headerLines.length > limits.maxHeaderCount) {
    return fail('SIP_TOO_MANY_HEADERS', 'too many header lines');
  }

  const headers = new SipHeaders();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!HEADER_NAME.test(name)) return fail('SIP_MALFORMED_HEADER', 'malformed header line');
    headers.append(name, line.slice(colon + 1));
  }

  return validateHeaders({ ...start.value, headers });
}

function validateHeaders(message: Omit<SipMessage, 'body'>): Result<Omit<SipMessage, 'body'>> {
  for (const name of REQUIRED) {
    if (!message.headers.get(name)) return fail('SIP_MISSING_HEADER', `missing ${name} header`);
  }
  if (!CSEQ.test(message.headers.get('cseq') ?? '')) {
    return fail('SIP_MALFORMED_HEADER', 'malformed CSeq header');
  }
  if (message.headers.getAll('content-length').length > 1) {
    return fail('SIP_BAD_CONTENT_LENGTH', 'repeated Content-Length header');
  }
  return ok(message);
}

/** Returns the declared Content-Length, null when absent, or an error when not a number. */
export function readContentLength(
  message: Omit<SipMessage, 'body'>,
  limits: SipLimits,
): Result<number | null> {
  const raw = message.headers.get('content-length');
  if (raw === undefined) return ok(null);
  if (!/^\d{1,9}$/.test(raw))
    return fail('SIP_BAD_CONTENT_LENGTH', 'Content-Length is not a number');
  const length = Number(raw);
  if (length > limits.maxBodyBytes) return fail('SIP_BODY_TOO_LARGE', 'body exceeds the limit');
  return ok(length);
}

/**
 * Parses one whole datagram (section 18.3: over UDP the body ends at Content-Length, or at the end
 * of the datagram when the header is absent; a datagram shorter than Content-Length is discarded).
 */
export function parseSipDatagram(
  datagram: Buffer,
  limits: SipLimits = DEFAULT_SIP_LIMITS,
): Result<SipMessage> {
  const section = findHeaderEnd(datagram);
  if (!section) {
    return datagram.length > limits.maxHeaderBytes
      ? fail('SIP_HEADERS_TOO_LARGE', 'header section exceeds the limit')
      : fail('SIP_INCOMPLETE', 'no end of header section');
  }
  const head = parseHeaderSection(section.headerText, limits);
  if (!head.ok) return head;
  const declared = readContentLength(head.value, limits);
  if (!declared.ok) return declared;

  const available = datagram.length - section.bodyStart;
  const length = declared.value ?? available;
  if (length > available)
    return fail('SIP_BAD_CONTENT_LENGTH', 'datagram shorter than Content-Length');
  if (length > limits.maxBodyBytes) return fail('SIP_BODY_TOO_LARGE', 'body exceeds the limit');

  const body = Buffer.from(datagram.subarray(section.bodyStart, section.bodyStart + length));
  return ok({ ...head.value, body } as SipMessage);
}
