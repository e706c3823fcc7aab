import { exportFileParams, exportFilePath, watchRoutes } from '@gardenwatch/contracts';
import { createReadStream } from 'node:fs';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf } from '../cameras/cameras.routes.ts';
import type { ExportService } from './export.service.ts';

export function registerExportRoutes(app: App, exports: ExportService): void {
  registerRoute(app, watchRoutes.createExport, ({ request, body }) =>
    exports.create(cameraContextOf(request), body),
  );
  registerRoute(app, watchRoutes.getExport, ({ request, params }) =>
    exports.get(cameraContextOf(request), params.id),
  );
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      exportFilePath,
      { schema: { tags: ['export'], params: exportFileParams } },
      async (request, reply) => {
        const { id, name } = request.params;
        const file = await exports.file(cameraContextOf(request), id, name);
        return reply
          .type(name.endsWith('.json') ? 'application/json' : 'video/mp4')
          .header('content-length', String(file.bytes))
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(createReadStream(file.path));
      },
    );
}
