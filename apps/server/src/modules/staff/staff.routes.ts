import { staffRoutes } from '@gardenwatch/contracts';
import type { FastifyReply } from 'fastify';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { rosterLimits, unreadableFile } from './roster-sheet.ts';
import { staffContextOf as ctx } from './staff-context.ts';
import type { StaffServices } from './staff.services.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ROSTER_TYPES = ['text/csv', XLSX_MIME, 'application/octet-stream'];

const csvReply = (reply: FastifyReply, filename: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store');

export function registerStaffRoutes(app: App, s: StaffServices): void {
  const r = staffRoutes;
  registerRoute(app, r.list, async ({ request, query }) => {
    const page = await s.staff.list(ctx(request), query);
    return page;
  });
  registerRoute(app, r.create, ({ request, body }) => s.staff.create(ctx(request), body));
  registerRoute(app, r.get, ({ request, params }) => s.staff.get(ctx(request), params.id));
  registerRoute(app, r.history, async ({ request, params }) => ({
    items: await s.staff.history(ctx(request), params.id),
  }));
  registerRoute(app, r.update, ({ request, params, body }) =>
    s.staff.update(ctx(request), params.id, body),
  );
  registerRoute(app, r.activate, ({ request, params }) =>
    s.staff.activate(ctx(request), params.id),
  );
  registerRoute(app, r.suspend, ({ request, params }) => s.staff.suspend(ctx(request), params.id));
  registerRoute(app, r.leave, ({ request, params, body }) =>
    s.staff.leave(ctx(request), params.id, body.leftOn),
  );
  registerRoute(app, r.resolveFlag, async ({ request, params, body }) => {
    await s.flags.resolve(ctx(request), params.id, body.note);
    return { ok: true as const };
  });
  registerRoute(app, r.export, async ({ request, query, reply }) => {
    const csv = await s.exports.staff(ctx(request), query.kindergartenId);
    csvReply(reply, 'staff.csv');
    return csv;
  });
  registerDashboardRoutes(app, s);
  registerImportRoute(app, s);
}

function registerDashboardRoutes(app: App, s: StaffServices): void {
  const r = staffRoutes;
  registerRoute(app, r.qualifications, ({ request, query }) =>
    s.dashboards.qualifications(ctx(request), query),
  );
  registerRoute(app, r.certificates, ({ request, query }) =>
    s.dashboards.certificates(ctx(request), query),
  );
  registerRoute(app, r.pay, ({ request, query }) => s.dashboards.pay(ctx(request), query));
  registerRoute(app, r.dashboardExport, async ({ request, params, query, reply }) => {
    const csv = await s.exports.dashboard(ctx(request), params.report, query);
    csvReply(reply, `${params.report}.csv`);
    return csv;
  });
  registerRoute(app, r.getTarget, ({ params }) => s.settings.target(params.year));
  registerRoute(app, r.setTarget, ({ request, params, body }) =>
    s.settings.setTarget(ctx(request), params.year, body.share),
  );
  registerRoute(app, r.getBenchmarks, ({ params }) => s.settings.benchmarks(params.year));
  registerRoute(app, r.setBenchmarks, ({ request, params, body }) =>
    s.settings.setBenchmarks(ctx(request), { year: params.year, ...body }),
  );
}

/** The roster file is the request body itself, read as bytes in a scope of its own. */
function registerImportRoute(app: App, s: StaffServices): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ROSTER_TYPES,
      { parseAs: 'buffer', bodyLimit: rosterLimits.maxBytes },
      (_request, body, done) => done(null, body),
    );
    registerRoute(scope, staffRoutes.import, ({ request, query }) => {
      const bytes: unknown = request.body;
      if (!Buffer.isBuffer(bytes)) throw unreadableFile('Send the roster file as the request body');
      return s.imports.run(ctx(request), { ...query, bytes });
    });
  });
}
