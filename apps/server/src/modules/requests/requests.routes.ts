import { attachmentLimits, footageRequestRoutes as r } from '@gardenwatch/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf } from '../cameras/cameras.routes.ts';
import type { RequestServices } from './requests.services.ts';

const ctx = cameraContextOf;
const REMIND_EVERY_MS = 15 * 60_000;

export function registerRequestRoutes(app: App, s: RequestServices): void {
  registerRoute(app, r.create, ({ request, body }) => s.requests.create(ctx(request), body));
  registerRoute(app, r.list, async ({ request, query }) => ({
    items: await s.requests.list(ctx(request), query),
  }));
  registerRoute(app, r.areas, async ({ request, query }) => ({
    items: await s.requests.areas(ctx(request), query.kindergartenId),
  }));
  registerRoute(app, r.get, ({ request, params }) => s.requests.get(ctx(request), params.id));
  registerRoute(app, r.decide, ({ request, params, body }) =>
    s.requests.decide(ctx(request), params.id, body),
  );
  registerAttachmentUpload(app, s);
}

/** The file is the request body, read as bytes up to the limit in a scope of its own. */
function registerAttachmentUpload(app: App, s: RequestServices): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: attachmentLimits.maxBytes },
      (_request, body, done) => done(null, body),
    );
    registerRoute(scope, r.addAttachment, ({ request, params, query }) => {
      const bytes: unknown = request.body;
      if (!Buffer.isBuffer(bytes)) {
        throw new AppError('BAD_REQUEST', 'Send the file as the request body', {
          details: { field: 'body' },
        });
      }
      return s.attachments.add(ctx(request), {
        requestId: params.id,
        name: query.name,
        contentType: request.headers['content-type'] ?? '',
        bytes,
      });
    });
  });
}

/** Reminds reviewers of requests near their deadline, every quarter of an hour. */
export function scheduleRequestReminders(app: FastifyInstance, s: RequestServices): void {
  const tick = () => {
    s.requests.remindDue().catch((error: unknown) => {
      app.log.error({ err: error }, 'footage_request.remind_failed');
    });
  };
  const timer = setInterval(tick, REMIND_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
