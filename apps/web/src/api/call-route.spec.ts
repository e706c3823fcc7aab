import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineRoute, idParams } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import { callRoute } from './call-route.ts';
import { setCsrfToken } from './csrf-token.ts';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const thing = z.object({ id: z.uuid(), name: z.string() });
const routes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/things/:id',
    summary: 'one thing',
    tags: ['test'],
    params: idParams,
    query: z.object({ full: z.enum(['true', 'false']).optional(), q: z.string().optional() }),
    response: thing,
  }),
  rename: defineRoute({
    method: 'PATCH',
    path: '/api/things/:id',
    summary: 'rename',
    tags: ['test'],
    params: idParams,
    body: z.object({ name: z.string() }),
    response: thing,
  }),
};
const ID = '10000000-0000-4000-8000-000000000001';

/** A real HTTP server that records each request and answers from the path. */
let server: Server;
let baseUrl = '';
const seen: Seen[] = [];

function answer(url: string): { status: number; headers: Record<string, string>; body: string } {
  const json = (status: number, value: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  });
  if (url.includes('limited')) {
    return json(
      429,
      { code: 'RATE_LIMITED', message: 'Too many', requestId: 'r-429' },
      { 'retry-after': '42' },
    );
  }
  if (url.includes('broken')) return json(200, { id: 'not-a-uuid', name: 3 });
  if (url.includes('html'))
    return { status: 502, headers: { 'x-request-id': 'r-502' }, body: '<h1>Bad gateway</h1>' };
  return json(200, { id: ID, name: 'north' });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const out = answer(req.url ?? '');
      res.writeHead(out.status, out.headers).end(out.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('callRoute', () => {
  it('fills the path and query and parses the answer with the route schema', async () => {
    const out = await callRoute(
      routes.get,
      { params: { id: ID }, query: { full: 'true', q: undefined } },
      { baseUrl },
    );

    expect(out).toEqual({ id: ID, name: 'north' });
    const last = seen.at(-1)!;
    expect(last.url).toBe(`/api/things/${ID}?full=true`);
    expect(last.method).toBe('GET');
    expect(last.headers['x-csrf-token']).toBeUndefined();
  });

  it('sends JSON and the CSRF token on a state-changing request', async () => {
    setCsrfToken('token-123');
    await callRoute(routes.rename, { params: { id: ID }, body: { name: 'south' } }, { baseUrl });
    setCsrfToken(null);

    const last = seen.at(-1)!;
    expect(last.method).toBe('PATCH');
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['x-csrf-token']).toBe('token-123');
    expect(JSON.parse(last.body)).toEqual({ name: 'south' });
  });

  it('throws the server error body as an ApiError, with Retry-After in seconds', async () => {
    const error = await callRoute(
      routes.get,
      { params: { id: ID }, query: { q: 'limited' } },
      { baseUrl },
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      requestId: 'r-429',
      retryAfterSeconds: 42,
    });
  });

  it('refuses an answer that does not match the response schema', async () => {
    const error = await callRoute(
      routes.get,
      { params: { id: ID }, query: { q: 'broken' } },
      { baseUrl },
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 'RESPONSE_INVALID', status: 200 });
  });

  it('gives a typed error for a failure without an error body', async () => {
    const error = await callRoute(
      routes.get,
      { params: { id: ID }, query: { q: 'html' } },
      { baseUrl },
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: 'RESPONSE_INVALID', requestId: 'r-502' });
  });

  it('gives NETWORK_FAILED when nothing answers', async () => {
    const error = await callRoute(
      routes.get,
      { params: { id: ID }, query: {} },
      { baseUrl: 'http://127.0.0.1:1' },
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 0, code: 'NETWORK_FAILED' });
  });
});
