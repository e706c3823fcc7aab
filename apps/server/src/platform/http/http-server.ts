import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import websocket from '@fastify/websocket';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Platform } from '../context.ts';
import { AppError } from '../errors.ts';
import { handleError } from './error-handler.ts';
import type { App } from './route.ts';
import './request-actor.ts';

export interface HttpServerOptions {
  /** The built web console to serve at `/`, when it exists. */
  webDir?: string | undefined;
  bodyLimitBytes?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A Fastify instance with the cross-cutting parts: ids, errors, metrics, OpenAPI, the console. */
export async function createHttpServer(
  platform: Platform,
  options: HttpServerOptions = {},
): Promise<App> {
  const logger: FastifyBaseLogger = platform.logger;
  const app = Fastify({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: platform.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.setErrorHandler(handleError);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    platform.metrics.httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    platform.metrics.httpDuration.observe(
      { method: request.method, route },
      reply.elapsedTime / 1000,
    );
    request.log.debug(
      { requestId: request.id, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'http.request.done',
    );
  });

  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Gardenwatch API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gw_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerConsole(app, options.webDir);
  return app;
}

async function registerConsole(app: App, webDir: string | undefined): Promise<void> {
  const hasConsole = webDir !== undefined && existsSync(path.join(webDir, 'index.html'));
  if (hasConsole) {
    await app.register(fastifyStatic, { root: path.resolve(webDir), wildcard: false });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/metrics';
    if (!isApi && hasConsole && request.method === 'GET') {
      // The console is a single-page application: its own router handles the path.
      return reply.type('text/html').sendFile('index.html');
    }
    throw new AppError(
      'ROUTE_NOT_FOUND',
      `No route ${request.method} ${request.url.split('?')[0]}`,
    );
  });
}
