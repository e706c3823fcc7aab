import { noticeRoutes } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { staffContextOf as ctx } from '../staff/staff-context.ts';
import type { NoticesService } from './notices.service.ts';

export function registerNoticeRoutes(app: App, notices: NoticesService): void {
  registerRoute(app, noticeRoutes.list, async ({ request }) => ({
    items: await notices.list(ctx(request)),
  }));
  registerRoute(app, noticeRoutes.acknowledge, async ({ request, params }) => {
    await notices.acknowledge(ctx(request), params.id);
    return { ok: true as const };
  });
}
