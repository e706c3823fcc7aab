import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultKindSchema, faultSchema } from '../faults.ts';
import type { Camsim } from '../camsim.ts';

export interface ControlServer {
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;

type Reply = { status: number; body: unknown };

/**
 * HTTP JSON control API:
 *   GET    /cameras                      states and URLs of all cameras
 *   GET    /cameras/:id                  one camera
 *   POST   /cameras/:id/faults           inject a fault, body `{ "kind": "reboot", "seconds": 5 }`
 *   DELETE /cameras/:id/faults[/:kind]   clear every fault, or one kind
 */
export async function startControlServer(
  camsim: Camsim,
  host: string,
  port: number,
): Promise<ControlServer> {
  const server = createServer((request, response) => {
    void handle(camsim, request).then((reply) => send(response, reply));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(camsim: Camsim, request: IncomingMessage): Promise<Reply> {
  const parts = new URL(request.url ?? '/', 'http://control').pathname.split('/').filter(Boolean);
  const [collection, id, sub, kind] = parts;
  if (collection !== 'cameras') return error(404, 'NOT_FOUND', 'no such route');
  if (!id) {
    return request.method === 'GET'
      ? { status: 200, body: camsim.cameraIds().map((each) => describe(camsim, each)) }
      : error(405, 'METHOD_NOT_ALLOWED', 'use GET');
  }
  if (!camsim.cameraIds().includes(id)) return error(404, 'CAMERA_NOT_FOUND', 'no such camera');
  if (!sub && request.method === 'GET') return { status: 200, body: describe(camsim, id) };
  if (sub !== 'faults') return error(404, 'NOT_FOUND', 'no such route');

  if (request.method === 'POST' && !kind) return inject(camsim, id, request);
  if (request.method === 'DELETE') return clear(camsim, id, kind);
  return error(405, 'METHOD_NOT_ALLOWED', 'use POST or DELETE');
}

async function inject(camsim: Camsim, id: string, request: IncomingMessage): Promise<Reply> {
  const body = await readJson(request);
  const parsed = faultSchema.safeParse(body);
  if (!parsed.success) return error(400, 'INVALID_FAULT', z.prettifyError(parsed.error));

  return { status: 201, body: { fault: camsim.inject(id, parsed.data) } };
}

function clear(camsim: Camsim, id: string, kind: string | undefined): Reply {
  const parsed = faultKindSchema.optional().safeParse(kind);
  if (!parsed.success) return error(400, 'INVALID_FAULT', 'unknown fault kind');

  camsim.clear(id, parsed.data);
  return { status: 200, body: describe(camsim, id) };
}

function describe(camsim: Camsim, id: string) {
  return {
    ...camsim.state(id),
    urls: { main: camsim.url(id, 'main'), sub: camsim.url(id, 'sub') },
  };
}

function error(status: number, code: string, message: string): Reply {
  return { status, body: { code, message } };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, reply: Reply): void {
  response.writeHead(reply.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(reply.body));
}
