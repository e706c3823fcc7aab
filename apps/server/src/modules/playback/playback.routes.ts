import {
  idParams,
  playlistPath,
  rangeQuery,
  segmentMediaParams,
  segmentMediaPath,
  snapshotPath,
  snapshotQuery,
  watchRoutes,
} from '@gardenwatch/contracts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf } from '../cameras/cameras.routes.ts';
import type { PlaybackService } from './playback.service.ts';

/** Timeline (JSON contract), playlist, segment files and snapshots (media answers). */
export function registerPlaybackRoutes(app: App, playback: PlaybackService): void {
  registerRoute(app, watchRoutes.timeline, ({ request, params, query }) =>
    playback.timeline(cameraContextOf(request), params.id, rangeOf(query)),
  );
  registerRoute(app, watchRoutes.areaTimeline, ({ request, params, query }) =>
    playback.areaTimeline(cameraContextOf(request), params.id, rangeOf(query)),
  );

  const media = app.withTypeProvider<ZodTypeProvider>();
  media.get(
    playlistPath,
    { schema: { tags: ['playback'], params: idParams, querystring: rangeQuery } },
    async (request, reply) => {
      const text = await playback.playlist(
        cameraContextOf(request),
        request.params.id,
        rangeOf(request.query),
      );
      return reply
        .type('application/vnd.apple.mpegurl')
        .header('cache-control', 'private, no-store')
        .send(text);
    },
  );
  media.get(
    segmentMediaPath,
    { schema: { tags: ['playback'], params: segmentMediaParams } },
    async (request, reply) => {
      const { id, segmentId } = request.params;
      const file = await playback.segmentFile(cameraContextOf(request), id, segmentId);
      return reply
        .type('video/mp2t')
        .header('content-length', String(file.bytes))
        .header('cache-control', 'private, max-age=3600')
        .send(file.stream);
    },
  );
  media.get(
    snapshotPath,
    { schema: { tags: ['playback'], params: idParams, querystring: snapshotQuery } },
    async (request, reply) => {
      const at = request.query.at ? new Date(request.query.at) : undefined;
      const jpeg = await playback.snapshot(cameraContextOf(request), request.params.id, at);
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(jpeg);
    },
  );
}

const rangeOf = (query: { from: string; to: string }) => ({
  from: new Date(query.from),
  to: new Date(query.to),
});
