import { backgroundLimits, coverageRoutes as r } from '@gardenwatch/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { requireActor } from '../identity/authorize.ts';
import type { CoverageContext } from './coverage-access.ts';
import type { CoverageServices } from './coverage.services.ts';

export const coverageContextOf = (request: FastifyRequest): CoverageContext => ({
  actor: requireActor(request),
  requestId: request.id,
  ip: request.ip,
});

export function registerCoverageRoutes(app: App, s: CoverageServices): void {
  const ctx = coverageContextOf;
  registerRoute(app, r.getPlan, ({ request, params }) => s.plans.get(ctx(request), params.floorId));
  registerRoute(app, r.savePlan, ({ request, params, body }) =>
    s.plans.save(ctx(request), params.floorId, body),
  );
  registerRoute(app, r.getBackground, ({ request, params }) =>
    s.plans.background(ctx(request), params.floorId),
  );
  registerRoute(app, r.addCamera, ({ request, params, body }) =>
    s.cameras.add(ctx(request), params.floorId, body),
  );
  registerRoute(app, r.updateCamera, ({ request, params, body }) =>
    s.cameras.update(ctx(request), params.id, body),
  );
  registerRoute(app, r.removeCamera, async ({ request, params }) => {
    await s.cameras.remove(ctx(request), params.id);
    return { ok: true as const };
  });
  registerRoute(app, r.floorCoverage, ({ request, params }) =>
    s.coverage.floor(ctx(request), params.floorId),
  );
  registerRoute(app, r.advice, ({ request, params, query }) =>
    s.coverage.advice(ctx(request), params.floorId, query),
  );
  registerRoute(app, r.requiredLevels, ({ request }) => s.coverage.readLevels(ctx(request)));
  registerRoute(app, r.setRequiredLevels, ({ request, body }) =>
    s.coverage.setRequiredLevels(ctx(request), body),
  );
  registerRoute(app, r.kindergartenCompliance, ({ request, params }) =>
    s.compliance.kindergarten(ctx(request), params.id),
  );
  registerRoute(app, r.districtCompliance, ({ request, params }) =>
    s.compliance.district(ctx(request), params.id),
  );
  registerBackgroundUpload(app, s);
}

/**
 * The image is the request body itself, parsed as bytes in a scope of its own. The body limit
 * is applied while reading: a declared length over it is refused before any byte is buffered.
 */
function registerBackgroundUpload(app: App, s: CoverageServices): void {
  const ctx = coverageContextOf;
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [...backgroundLimits.types],
      { parseAs: 'buffer', bodyLimit: backgroundLimits.maxBytes },
      (_request, body, done) => done(null, body),
    );
    registerRoute(scope, r.putBackground, ({ request, params }) => {
      const bytes: unknown = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new AppError('BAD_REQUEST', 'Send the image as the request body', {
          details: { field: 'body' },
        });
      }
      return s.plans.putBackground(ctx(request), params.floorId, {
        contentType: request.headers['content-type'] ?? '',
        bytes,
      });
    });
  });
}
