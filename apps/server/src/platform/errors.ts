/**
 * One error type for the whole server. Codes are stable strings that clients may branch on;
 * a code is never reused for a different meaning. The HTTP status lives in one table.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_CSRF_FAILED: 403,
  AUTH_PASSWORD_CHANGE_REQUIRED: 403,
  AUTH_CURRENT_PASSWORD_WRONG: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export const notFound = (what: string, id?: string): AppError =>
  new AppError('NOT_FOUND', id ? `${what} ${id} does not exist` : `${what} does not exist`, {
    details: { resource: what, ...(id ? { id } : {}) },
  });

export const forbidden = (message = 'You are not allowed to do this'): AppError =>
  new AppError('FORBIDDEN', message);

export const conflict = (message: string, details?: Record<string, unknown>): AppError =>
  new AppError('CONFLICT', message, details ? { details } : {});

export const badRequest = (message: string, details?: Record<string, unknown>): AppError =>
  new AppError('BAD_REQUEST', message, details ? { details } : {});
