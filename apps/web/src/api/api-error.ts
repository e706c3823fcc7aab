import { errorBody } from '@gardenwatch/contracts';

/** A failed API call, carrying the server's stable error code and the request id to quote. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  readonly details: Record<string, unknown> | undefined;
  /** Seconds to wait before trying again, from a 429's Retry-After header. */
  readonly retryAfterSeconds: number | undefined;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    requestId: string;
    details?: Record<string, unknown> | undefined;
    retryAfterSeconds?: number | undefined;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Codes the client itself gives when no error body came back. */
export const clientErrorCodes = {
  network: 'NETWORK_FAILED',
  invalidResponse: 'RESPONSE_INVALID',
} as const;

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;

  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));

  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Turns a non-2xx response into an ApiError, whether or not the body is the usual error body. */
export function errorFromResponse(response: Response, data: unknown): ApiError {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const parsed = errorBody.safeParse(data);
  if (parsed.success) {
    return new ApiError({ status: response.status, ...parsed.data, retryAfterSeconds });
  }

  return new ApiError({
    status: response.status,
    code: clientErrorCodes.invalidResponse,
    message: `HTTP ${response.status}`,
    requestId: response.headers.get('x-request-id') ?? '',
    retryAfterSeconds,
  });
}
