import { recordingRoutes } from '@gardenwatch/contracts';
import { registerRoute, type App } from '../../platform/http/route.ts';
import { cameraContextOf } from '../cameras/cameras.routes.ts';
import type { RecordingService } from './recording.service.ts';

export function registerRecordingRoutes(app: App, recording: RecordingService): void {
  registerRoute(app, recordingRoutes.segments, async ({ request, params, query }) => ({
    items: await recording.segments(
      cameraContextOf(request),
      params.id,
      new Date(query.from),
      new Date(query.to),
    ),
  }));
  registerRoute(app, recordingRoutes.gaps, async ({ request, params, query }) => ({
    items: await recording.gapsOf(
      cameraContextOf(request),
      params.id,
      new Date(query.from),
      new Date(query.to),
    ),
  }));
}
