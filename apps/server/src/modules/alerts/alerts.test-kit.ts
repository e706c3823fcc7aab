import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame } from '@gardenwatch/vision';
import {
  createTestPlatform,
  type Backend,
  type TestPlatform,
} from '../../../test/test-platform.ts';
import { AuditService } from '../audit/audit.service.ts';
import { createVideoServices, type VideoServices } from '../recording/video.services.ts';
import { insertCamera, seedArea, type SeededArea } from '../recording/recording.test-support.ts';
import type { NotificationChannel } from './alert-channels.ts';
import { createAlertsServices, type AlertsServices } from './alerts.services.ts';

/** Shared by the alerts tests; not part of the server. */
export interface AlertsKit {
  test: TestPlatform;
  area: SeededArea;
  cameraId: string;
  video: VideoServices;
  s: AlertsServices;
  close(): Promise<void>;
}

export async function createAlertsKit(
  backend: Backend,
  options: { escalationMs?: number; cooldownMs?: number; channels?: NotificationChannel[] } = {},
): Promise<AlertsKit> {
  const test = await createTestPlatform(backend);
  const { platform } = test;
  platform.config.alerts.escalationMs = options.escalationMs ?? 60_000;
  platform.config.alerts.cooldownMs = options.cooldownMs ?? 120_000;
  const area = await seedArea(platform.db);
  const cameraId = await insertCamera(platform.db, area.areaId, { name: 'Corridor' });
  const audit = new AuditService({ db: platform.db, now: platform.now });
  const video = createVideoServices(platform, audit);
  const s = createAlertsServices(
    platform,
    { audit, ...video },
    { escalationTickMs: 50, channels: options.channels ?? [] },
  );
  return {
    test,
    area,
    cameraId,
    video,
    s,
    close: async () => {
      await s.stop();
      await test.close();
    },
  };
}

/** A gray frame of the given size. */
export function grayFrame(width = 96, height = 64, level = 90): Frame {
  return { width, height, timestampMs: 0, data: new Uint8Array(width * height * 3).fill(level) };
}

/** A standing pose whose keypoints sit in a box at (x, y), all confident. */
export function standingPose(x: number, y: number, h: number) {
  const at = (fx: number, fy: number) => ({ x: x + fx * h * 0.4, y: y + fy * h, score: 0.9 });
  return [
    at(0.5, 0.05),
    at(0.45, 0.03),
    at(0.55, 0.03),
    at(0.4, 0.05),
    at(0.6, 0.05),
    at(0.25, 0.2),
    at(0.75, 0.2),
    at(0.2, 0.35),
    at(0.8, 0.35),
    at(0.2, 0.5),
    at(0.8, 0.5),
    at(0.35, 0.55),
    at(0.65, 0.55),
    at(0.35, 0.75),
    at(0.65, 0.75),
    at(0.35, 0.95),
    at(0.65, 0.95),
  ];
}

export interface ReceivedHook {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A real HTTP server answering each POST with the next status of `statuses` (then 200). */
export async function hookServer(statuses: number[]): Promise<{
  url: string;
  received: ReceivedHook[];
  close(): Promise<void>;
}> {
  const received: ReceivedHook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
