import type { RouteContract } from '@gardenwatch/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../errors.ts';

export type App = FastifyInstance;

export interface Handled<R extends RouteContract> {
  params: z.output<NonNullable<R['params']>>;
  query: z.output<NonNullable<R['query']>>;
  body: z.output<NonNullable<R['body']>>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * An answer already checked against the route's response schema and serialised once, for read
 * models served from a cache: sent as it is, without a second check or serialisation.
 */
export class PreparedJson {
  constructor(readonly text: string) {}
}

/** A binary answer (an uploaded image) sent as it is, with the headers given. */
export class PreparedBytes {
  constructor(
    readonly bytes: Buffer,
    readonly headers: Record<string, string>,
  ) {}
}

export interface RouteOptions {
  /** Routes are for signed-in users unless marked public. */
  public?: boolean;
}

/**
 * Registers a contract route. Input is validated by the contract's schemas (400 naming the
 * fields at fault), the answer is serialised through the response schema, and unless the route
 * is public a signed-in actor is required (the identity module sets `request.actor`).
 */
export function registerRoute<R extends RouteContract>(
  app: App,
  route: R,
  handler: (input: Handled<R>) => Promise<z.input<R['response']> | PreparedJson | PreparedBytes>,
  options: RouteOptions = {},
): void {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: route.method,
    url: route.path,
    schema: {
      summary: route.summary,
      tags: route.tags,
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      response: { [route.status ?? 200]: route.response },
    },
    handler: async (request, reply) => {
      if (!options.public && !request.actor) {
        throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
      }
      const result = await handler({
        params: request.params as Handled<R>['params'],
        query: request.query as Handled<R>['query'],
        body: request.body as Handled<R>['body'],
        request,
        reply,
      });
      reply.status(route.status ?? 200);
      if (result instanceof PreparedJson) {
        return reply.type('application/json; charset=utf-8').send(result.text);
      }
      if (result instanceof PreparedBytes) return reply.headers(result.headers).send(result.bytes);
      return result;
    },
  });
}
