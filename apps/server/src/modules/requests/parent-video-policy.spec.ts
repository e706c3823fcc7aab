import * as contracts from '@gardenwatch/contracts';
import type { VideoExport } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { buildApp, type BuiltApp } from '../../app.ts';
import { recordFootage } from '../playback/footage.test-support.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';

/**
 * Parents never see video except a released clip of their own request. Every route that serves
 * a camera's video or its footage is taken from the contracts (each route map and each exported
 * `...Path`), so a route added later is walked without changing this test.
 */
interface WalkedRoute {
  name: string;
  method: string;
  path: string;
}

const VIDEO_PREFIXES = ['/api/cameras/:id/', '/api/areas/:id/timeline', '/api/exports'];
/**
 * Paths exported by the contracts outside those prefixes, each classified; a new one must be
 * added here. The review page's original is the reviewer's, and a released clip (never live,
 * redacted, watermarked) is its applicant's alone: both are walked in release.spec.ts. The live
 * alert feed carries alert rows, no pictures; an alert's snapshot is a picture from a camera, and
 * a parent's refusal of both is tested in alerts.routes.spec.ts.
 */
const NOT_VIDEO = new Set([contracts.footageAttachmentPath, contracts.alertLivePath]);
const ALERT_EVIDENCE = new Set([contracts.alertSnapshotPath]);
const REQUEST_VIDEO = new Set([contracts.redactionSourcePath, contracts.releaseVideoPath]);

function videoRoutes(): WalkedRoute[] {
  const found: WalkedRoute[] = [];
  for (const [exportName, value] of Object.entries(contracts)) {
    if (typeof value === 'string' && exportName.endsWith('Path')) {
      found.push({ name: exportName, method: 'GET', path: value });
    } else if (value && typeof value === 'object') {
      for (const [key, route] of Object.entries(value as Record<string, unknown>)) {
        if (route && typeof route === 'object' && 'method' in route && 'path' in route) {
          const { method, path } = route as { method: string; path: string };
          found.push({ name: `${exportName}.${key}`, method, path });
        }
      }
    }
  }
  return found.filter((r) => VIDEO_PREFIXES.some((prefix) => r.path.startsWith(prefix)));
}

const unclassifiedPaths = () =>
  Object.entries(contracts)
    .filter(([name, value]) => typeof value === 'string' && name.endsWith('Path'))
    .map(([, value]) => value as string)
    .filter((p) => !VIDEO_PREFIXES.some((prefix) => p.startsWith(prefix)))
    .filter((p) => !NOT_VIDEO.has(p) && !REQUEST_VIDEO.has(p) && !ALERT_EVIDENCE.has(p));

describe('policy: no video for a parent on any route', () => {
  let test: TestPlatform;
  let built: BuiltApp;
  let base: string;
  let officer: SignedIn;
  let parent: SignedIn;
  let values: Record<string, string>;
  const startMs = Date.now() - 3_600_000;
  const range = {
    from: new Date(startMs).toISOString(),
    to: new Date(startMs + 8000).toISOString(),
  };

  beforeAll(async () => {
    test = await createTestPlatform();
    built = await buildApp(test.platform, undefined);
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const address = built.app.server.address();
    base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const seeded = await seedArea(test.platform.db);
    const { kindergartenId } = seeded;
    const cameraId = await insertCamera(test.platform.db, seeded.areaId);
    const recording = built.services.recording;
    const segments = await recordFootage({ recording, cameraId, startMs, segments: 2 });
    await createUser(test.platform, {
      role: 'security_officer',
      username: 'officer',
      kindergartenId,
    });
    await createUser(test.platform, { role: 'parent', username: 'parent', kindergartenId });
    [officer, parent] = await Promise.all([
      signIn(built.app, 'officer'),
      signIn(built.app, 'parent'),
    ]);
    const exported = await built.app.inject({
      method: 'POST',
      url: '/api/exports',
      headers: officer.headers,
      payload: { cameraIds: [cameraId], ...range, reason: 'policy test' },
    });
    const video = exported.json<VideoExport>();
    values = {
      cameraId,
      areaId: seeded.areaId,
      exportId: video.id,
      segmentId: String(segments[0]!.id),
      name: video.manifest.files[0]!.name,
    };
  });

  afterAll(async () => {
    await built?.app.close();
    await test?.close();
  });

  /** The route's URL with real ids, so that a refusal is the policy and not a missing thing. */
  const urlOf = (route: WalkedRoute): string => {
    const id = route.path.startsWith('/api/exports')
      ? values.exportId
      : route.path.startsWith('/api/areas/')
        ? values.areaId
        : values.cameraId;
    const filled = route.path.replace(/:([A-Za-z]+)/g, (_, param: string) => {
      const value = param === 'id' ? id : values[param];
      if (!value) throw new Error(`no test value for :${param} in ${route.name}`);
      return encodeURIComponent(value);
    });
    // A range for playlists, timelines and listings; a moment for a recorded snapshot.
    const query = new URLSearchParams({ ...range, at: range.from });
    return route.method === 'GET' ? `${filled}?${query.toString()}` : filled;
  };
  const bodyOf = (route: WalkedRoute) =>
    route.method === 'POST' && route.path === '/api/exports'
      ? { cameraIds: [values.cameraId], ...range, reason: 'parent tries' }
      : undefined;
  const send = (route: WalkedRoute, user: SignedIn, url = urlOf(route)) =>
    built.app.inject({
      method: route.method as 'GET',
      url,
      headers: user.headers,
      ...(bodyOf(route) ? { payload: bodyOf(route) } : {}),
    });
  const isLive = (route: WalkedRoute) => route.path === contracts.livePath;

  it('finds the live, playback, segment, snapshot and export routes in the contracts', () => {
    const paths = videoRoutes().map((r) => r.path);
    for (const known of [
      contracts.livePath,
      contracts.playlistPath,
      contracts.segmentMediaPath,
      contracts.snapshotPath,
      contracts.exportFilePath,
      contracts.watchRoutes.createExport.path,
      contracts.watchRoutes.getExport.path,
      contracts.watchRoutes.areaTimeline.path,
    ]) {
      expect(paths).toContain(known);
    }
    expect(unclassifiedPaths()).toEqual([]);
  });

  it('serves each GET video route to a security officer (so the walked URLs are real)', async () => {
    for (const route of videoRoutes().filter((r) => r.method === 'GET' && !isLive(r))) {
      const response = await send(route, officer);
      expect([route.name, response.statusCode]).toEqual([route.name, 200]);
    }
  });

  it('refuses a parent on every video route, recorded or live, with no video in the answer', async () => {
    const walked = videoRoutes().filter((r) => !isLive(r));
    for (const route of walked) {
      for (const url of route.path === contracts.snapshotPath
        ? [urlOf(route), urlOf(route).split('?')[0]!]
        : [urlOf(route)]) {
        const response = await send(route, parent, url);
        expect([route.name, url, response.statusCode < 400]).toEqual([route.name, url, false]);
        expect(String(response.headers['content-type'])).not.toMatch(/video|mpegurl|image/);
      }
    }
    expect(walked.length).toBeGreaterThanOrEqual(8);
  });

  it('refuses a parent the live WebSocket, main and sub stream', async () => {
    for (const stream of ['main', 'sub']) {
      const url = `${base}${contracts.livePath.replace(':id', values.cameraId!)}?stream=${stream}`;
      const status = await new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(url, { headers: { cookie: parent.cookie } });
        socket.once('open', () => {
          socket.close();
          resolve(101);
        });
        socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.once('error', reject);
      });
      expect(status).toBe(403);
    }
  });
});
