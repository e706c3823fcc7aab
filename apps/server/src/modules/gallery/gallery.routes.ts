import { galleryRoutes, MAX_ENROL_PHOTO_BYTES, MAX_ENROL_PHOTOS } from '@gardenwatch/contracts';
import { AppError } from '../../platform/errors.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { staffContextOf as ctx } from '../staff/staff-context.ts';
import type { GalleryService } from './gallery.service.ts';

/** Photos travel as base64 in JSON: the enrolment route reads a larger body than others. */
const ENROL_BODY_LIMIT = Math.ceil((MAX_ENROL_PHOTOS * MAX_ENROL_PHOTO_BYTES * 4) / 3) + 64_000;

export function registerGalleryRoutes(app: App, gallery: GalleryService): void {
  app.addHook('onClose', () => gallery.stop());
  registerRoute(app, galleryRoutes.list, async ({ request, query }) => ({
    items: await gallery.list(ctx(request), query),
  }));
  registerRoute(app, galleryRoutes.remove, async ({ request, params }) => {
    await gallery.remove(ctx(request), params.id);
    return { ok: true as const };
  });
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: ENROL_BODY_LIMIT },
      (_request, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch (cause) {
          done(new AppError('BAD_REQUEST', 'The body is not valid JSON', { cause }), undefined);
        }
      },
    );
    registerRoute(scope, galleryRoutes.enrol, async ({ request, body }) => ({
      entry: await gallery.enrol(ctx(request), body),
    }));
  });
}
