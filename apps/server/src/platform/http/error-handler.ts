import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorStatus, type ErrorCode } from '../errors.ts';

interface ErrorResponse {
  code: string;
  message: string;
  requestId: string;
  details?: Record<string, unknown>;
}

/** The one place where a thrown error becomes an HTTP answer `{ code, message, requestId }`. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const mapped = toAppError(error);
  const status = mapped.status;
  const body: ErrorResponse = { code: mapped.code, message: mapped.message, requestId: request.id };
  if (mapped.details) body.details = mapped.details;

  const fields = {
    requestId: request.id,
    code: mapped.code,
    status,
    route: request.routeOptions.url,
  };
  if (status >= 500) request.log.error({ ...fields, err: error }, 'http.request.failed');
  else request.log.info(fields, 'http.request.rejected');

  for (const [name, value] of Object.entries(mapped.headers ?? {})) reply.header(name, value);
  return reply.status(status).send(body);
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;

  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new AppError('VALIDATION_FAILED', `Invalid input: ${summary}`, { details: { fields } });
  }

  const fastifyError = error as Partial<FastifyError>;
  const code = fastifyError.code ?? '';
  const byFastifyCode: Record<string, [ErrorCode, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is too large'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported content type'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['BAD_REQUEST', 'The JSON body is empty'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['BAD_REQUEST', 'The body is not valid JSON'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', 'Content-Length does not match the body'],
  };
  const known = byFastifyCode[code];
  if (known) return new AppError(known[0], known[1], { cause: error });

  const status = fastifyError.statusCode;
  if (status === 400 || (error instanceof SyntaxError && 'body' in error)) {
    return new AppError('BAD_REQUEST', 'The request is malformed', { cause: error });
  }
  if (status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large');
  if (status === 429) return new AppError('RATE_LIMITED', 'Too many requests');
  return new AppError('INTERNAL', 'Something went wrong on the server', { cause: error });
}

export const isKnownCode = (code: string): code is ErrorCode => code in errorStatus;
