import { systemRoutes } from '@gardenwatch/contracts';
import { sql } from 'kysely';
import type { Platform } from '../../platform/context.ts';
import { registerRoute, type App } from '../../platform/http/route.ts';

const startedAt = Date.now();

export function registerSystemRoutes(app: App, platform: Platform): void {
  registerRoute(
    app,
    systemRoutes.health,
    async ({ reply }) => {
      const database = await sql`select 1`
        .execute(platform.db)
        .then(() => 'ok' as const)
        .catch(() => 'down' as const);
      const status: 'ok' | 'degraded' = database === 'ok' ? 'ok' : 'degraded';
      if (status !== 'ok') reply.status(503);
      return {
        status,
        database,
        databaseKind: platform.dbKind,
        bus: platform.bus.kind,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    },
    { public: true },
  );

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(platform.metrics.registry.contentType);
    return platform.metrics.registry.metrics();
  });
}
