import { blacklistRoutes } from '@gardenwatch/contracts';
import type { FastifyInstance } from 'fastify';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { staffContextOf as ctx } from '../staff/staff-context.ts';
import type { StaffServices } from '../staff/staff.services.ts';

const YEARLY_CHECK_MS = 6 * 60 * 60 * 1000;

export function registerBlacklistRoutes(app: App, s: StaffServices): void {
  const r = blacklistRoutes;
  registerRoute(app, r.list, ({ request, query }) => s.blacklist.list(ctx(request), query));
  registerRoute(app, r.create, ({ request, body }) => s.blacklist.create(ctx(request), body));
  registerRoute(app, r.get, ({ request, params }) => s.blacklist.get(ctx(request), params.id));
  registerRoute(app, r.update, ({ request, params, body }) =>
    s.blacklist.update(ctx(request), params.id, body),
  );
  registerRoute(app, r.appeal, ({ request, params, body }) =>
    s.blacklist.appeal(ctx(request), params.id, body),
  );
  registerRoute(app, r.remove, ({ request, params, body }) =>
    s.blacklist.remove(ctx(request), params.id, body.note),
  );
  registerRoute(app, r.screen, async ({ request }) => {
    const c = ctx(request);
    await s.access.require(c, 'blacklist.manage', { kind: 'city' });
    const { actor } = c;
    return s.screening.run('manual', { id: actor.id, username: actor.username, role: actor.role });
  });
  registerRoute(app, r.screenings, async ({ request }) => {
    await s.access.require(ctx(request), 'blacklist.manage', { kind: 'city' });
    return { items: await s.screening.recent() };
  });
  registerRoute(app, r.hiringCheck, ({ request, body }) => s.hiring.check(ctx(request), body));
}

/**
 * The yearly re-screening: checked every few hours while the server runs, so a restart never
 * skips it; it runs when no yearly screening started in the last 365 days.
 */
export function scheduleYearlyScreening(app: FastifyInstance, s: StaffServices): void {
  const tick = () => {
    s.screening.runYearlyIfDue().catch((error: unknown) => {
      app.log.error({ err: error }, 'blacklist.screening.yearly_failed');
    });
  };
  const timer = setInterval(tick, YEARLY_CHECK_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
