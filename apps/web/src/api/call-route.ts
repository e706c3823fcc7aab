import { buildPath, type RouteContract, type RouteOutput } from '@gardenwatch/contracts';
import type { z } from 'zod';
import { ApiError, clientErrorCodes, errorFromResponse } from './api-error.ts';
import { getCsrfToken } from './csrf-token.ts';

export interface CallOptions {
  /** Origin to prefix, for calls made outside the browser (tests); same origin when omitted. */
  baseUrl?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

type AnyRoute = RouteContract;

/** One part of a call's input: absent when the route has none (undefined or unknown schema). */
type Part<K extends string, T> = unknown extends T
  ? { [P in K]?: undefined }
  : [T] extends [undefined]
    ? { [P in K]?: undefined }
    : { [P in K]: T };

/**
 * What a call of the route takes, from the route's own schemas. Like the contracts' RouteInput,
 * but a route built generically (whose unused parts are typed `unknown`) needs no empty parts.
 */
export type CallInput<R> =
  R extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? Part<'params', z.input<P>> & Part<'query', z.input<Q>> & Part<'body', z.input<B>>
    : never;

function queryString(query: unknown): string {
  if (query === undefined || query === null || typeof query !== 'object') return '';

  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(name, String(v)));
    else search.append(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;

  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function requestInit(route: AnyRoute, body: unknown, signal?: AbortSignal): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = getCsrfToken();
  if (route.method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf;

  return {
    method: route.method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  };
}

/**
 * Calls one route of the contracts: fills the path, sends the body as JSON with the session
 * cookie (and the CSRF token on anything but GET), and checks the answer against the route's
 * response schema. A failure of any kind is thrown as an ApiError.
 */
export async function callRoute<R extends AnyRoute>(
  route: R,
  input: CallInput<R>,
  options: CallOptions = {},
): Promise<RouteOutput<R>> {
  const { params, query, body } = input as { params?: unknown; query?: unknown; body?: unknown };
  const url =
    (options.baseUrl ?? '') +
    buildPath(route.path, params as Record<string, string> | undefined) +
    queryString(query);
  const doFetch = options.fetch ?? fetch;

  let response: Response;
  try {
    response = await doFetch(url, requestInit(route, body, options.signal));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      status: 0,
      code: clientErrorCodes.network,
      message: String(cause),
      requestId: '',
    });
  }

  const data = await readJson(response);
  if (!response.ok) throw errorFromResponse(response, data);

  const parsed = route.response.safeParse(data);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: clientErrorCodes.invalidResponse,
      message: parsed.error.message,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  return parsed.data as RouteOutput<R>;
}
