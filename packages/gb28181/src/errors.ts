/** Stable codes for everything this library refuses or fails at. */
export type Gb28181ErrorCode =
  | 'SIP_INCOMPLETE'
  | 'SIP_MALFORMED_START_LINE'
  | 'SIP_MALFORMED_HEADER'
  | 'SIP_MISSING_HEADER'
  | 'SIP_TOO_MANY_HEADERS'
  | 'SIP_HEADERS_TOO_LARGE'
  | 'SIP_BODY_TOO_LARGE'
  | 'SIP_BAD_CONTENT_LENGTH'
  | 'SIP_TRANSACTION_TIMEOUT'
  | 'SIP_TRANSPORT_ERROR'
  | 'SIP_REQUEST_FAILED'
  | 'DIGEST_MALFORMED'
  | 'DIGEST_UNSUPPORTED'
  | 'XML_TOO_LARGE'
  | 'XML_DECLARATION_REFUSED'
  | 'XML_MALFORMED'
  | 'XML_UNSUPPORTED'
  | 'SDP_MALFORMED'
  | 'DEVICE_ID_INVALID'
  | 'MEDIA_MALFORMED';

export class Gb28181Error extends Error {
  override readonly name = 'Gb28181Error';

  constructor(
    readonly code: Gb28181ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Expected failures are returned, not thrown, so a socket handler can never be unwound by input. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: Gb28181Error };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T>(code: Gb28181ErrorCode, message: string): Result<T> {
  return { ok: false, error: new Gb28181Error(code, message) };
}
