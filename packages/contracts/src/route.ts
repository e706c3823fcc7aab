import { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HTTP route as both sides see it: the server registers it with these schemas (and the
 * OpenAPI document is generated from them), the web client calls it through `callRoute`.
 */
export interface RouteContract<
  Params extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  path: string;
  summary: string;
  tags: string[];
  params?: Params;
  query?: Query;
  body?: Body;
  response: Response;
  /** Status of a successful answer; 200 unless said. */
  status?: 200 | 201 | 204;
}

export const defineRoute = <
  Params extends z.ZodType = z.ZodUndefined,
  Query extends z.ZodType = z.ZodUndefined,
  Body extends z.ZodType = z.ZodUndefined,
  Response extends z.ZodType = z.ZodType,
>(
  route: RouteContract<Params, Query, Body, Response>,
): RouteContract<Params, Query, Body, Response> => route;

export type RouteInput<R> =
  R extends RouteContract<infer P, infer Q, infer B, z.ZodType>
    ? (z.input<P> extends undefined ? { params?: undefined } : { params: z.input<P> }) &
        (z.input<Q> extends undefined ? { query?: undefined } : { query: z.input<Q> }) &
        (z.input<B> extends undefined ? { body?: undefined } : { body: z.input<B> })
    : never;

export type RouteOutput<R> =
  R extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer Res> ? z.output<Res> : never;

/** Fills `:name` segments of a route path. */
export function buildPath(
  path: string,
  params: Record<string, string | number> | undefined,
): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/** The error body of every failed request. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const okBody = z.object({ ok: z.literal(true) });
export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });
