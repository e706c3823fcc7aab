import { livePath, liveQuery } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/route.ts';
import type { WatchableCamera } from '../cameras/camera-video-access.ts';
import { cameraContextOf } from '../cameras/cameras.routes.ts';
import type { LiveService } from './live.service.ts';

const liveParams = z.object({ id: z.uuid() });

/** A viewer that answers no ping for this long is gone (a tab killed without a close frame). */
const HEARTBEAT_MS = 4000;

const authorised = new WeakMap<FastifyRequest, WatchableCamera>();

/**
 * Live view over WebSocket. The upgrade is refused with an ordinary error answer (401, 403 with
 * an audit row, 404) before any video flows; the session is audited from open to close.
 */
export function registerLiveRoutes(app: App, live: LiveService): void {
  app.addHook('onClose', () => live.stop());
  app.get(
    livePath,
    {
      websocket: true,
      schema: { hide: true },
      preValidation: async (request) => {
        const params = parse('params', liveParams, request.params);
        parse('query', liveQuery, request.query);
        checkSameOrigin(request);
        if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
        authorised.set(request, await live.authorize(cameraContextOf(request), params.id));
      },
    },
    (socket, request) => {
      const camera = authorised.get(request);
      if (!camera) {
        socket.close(1008, 'not authorised');
        return;
      }
      const { stream } = liveQuery.parse(request.query);
      void serveViewer(socket, request, camera, stream, live);
    },
  );
}

async function serveViewer(
  socket: WebSocket,
  request: FastifyRequest,
  camera: WatchableCamera,
  stream: 'main' | 'sub',
  live: LiveService,
): Promise<void> {
  const session = await live.open(cameraContextOf(request), camera, stream, {
    send: (data) => {
      if (socket.readyState === socket.OPEN)
        socket.send(data, { binary: typeof data !== 'string' });
    },
    backlog: () => socket.bufferedAmount,
  });
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, HEARTBEAT_MS);
  socket.on('pong', () => (alive = true));
  const end = () => {
    clearInterval(heartbeat);
    session.close().catch((error: unknown) => {
      request.log.error({ cameraId: camera.id, err: error }, 'live.session.close_failed');
    });
  };
  socket.once('close', end);
  if (socket.readyState !== socket.OPEN) end();
}

function parse<T>(where: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Invalid input: ${summary}`, { details: { fields } });
}

/** A WebSocket is not bound by the same-origin policy; another site's page is refused here. */
export function checkSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  try {
    if (new URL(origin).host === request.host) return;
  } catch {
    // An unparsable origin is refused below.
  }
  throw new AppError('AUTH_CSRF_FAILED', 'The request comes from another site');
}
