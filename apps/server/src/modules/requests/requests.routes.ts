import {
  attachmentLimits,
  footageReleaseRoutes as rel,
  footageRequestRoutes as r,
  redactionSourcePath,
  releaseVideoPath,
  releaseVideoQuery,
} from '@gardenwatch/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { z } from 'zod';
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
    s.release.decide(ctx(request), params.id, body),
  );
  registerRoute(app, rel.startRedaction, async ({ request, params }) => ({
    items: await s.redaction.start(ctx(request), params.id),
  }));
  registerRoute(app, rel.redaction, async ({ request, params }) => ({
    items: await s.redaction.items(ctx(request), params.id),
  }));
  registerRoute(app, rel.setUnmasked, ({ request, params, body }) =>
    s.redaction.setUnmasked(
      ctx(request),
      { requestId: params.id, itemId: params.itemId },
      body.trackIds,
    ),
  );
  registerRoute(app, rel.release, ({ request, params }) => s.release.get(ctx(request), params.id));
  registerRoute(app, rel.revoke, ({ request, params }) =>
    s.release.revoke(ctx(request), params.id),
  );
  registerAttachmentUpload(app, s);
  registerVideoFiles(app, s);
  app.addHook('onClose', async () => s.close());
}

const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

/**
 * The review page's original clip and the applicant's released clip: MP4 files streamed to the
 * player, inline unless a download was asked for and allowed. Each request is audited.
 * LIMITATION: no byte ranges: the player plays from the start (the files are faststart) but
 * seeks only within what it has loaded, and a streamed clip can still be saved by a determined
 * viewer; "no download" hides the browser's download control only.
 */
function registerVideoFiles(app: App, s: RequestServices): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ['footage-requests'], params: itemParams };
  typed.get(redactionSourcePath, { schema }, async (request, reply) => {
    const ids = { requestId: request.params.id, itemId: request.params.itemId };
    const file = await s.redaction.sourceFile(ctx(request), ids);
    const { size } = await stat(file);
    return reply
      .type('video/mp4')
      .header('content-length', String(size))
      .send(createReadStream(file));
  });
  typed.get(
    releaseVideoPath,
    { schema: { ...schema, querystring: releaseVideoQuery } },
    async (request, reply) => {
      const ids = { requestId: request.params.id, itemId: request.params.itemId };
      const file = await s.release.video(ctx(request), ids, request.query.download === '1');
      const disposition = file.attachment ? 'attachment; filename="release.mp4"' : 'inline';
      return reply
        .type('video/mp4')
        .header('content-length', String(file.bytes))
        .header('content-disposition', disposition)
        .header('cache-control', 'no-store')
        .send(createReadStream(file.path));
    },
  );
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

/**
 * Every quarter of an hour: reminds reviewers of requests near their deadline, closes the
 * requests that are over and releases holds whose appeal period has passed.
 */
export function scheduleRequestReminders(app: FastifyInstance, s: RequestServices): void {
  const tick = () => {
    s.requests.remindDue().catch((error: unknown) => {
      app.log.error({ err: error }, 'footage_request.remind_failed');
    });
    s.release.sweep().catch((error: unknown) => {
      app.log.error({ err: error }, 'footage_request.sweep_failed');
    });
  };
  const timer = setInterval(tick, REMIND_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
