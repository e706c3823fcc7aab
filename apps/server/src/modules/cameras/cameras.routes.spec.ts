import type { Camera } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import {
  freePort,
  seedArea,
  startRtspSource,
  type RtspSource,
  type SeededArea,
} from '../recording/recording.test-support.ts';

describe('camera registry API', () => {
  let test: TestApp;
  let seeded: SeededArea;
  let source: RtspSource;
  let guarded: RtspSource;
  let principal: SignedIn;
  let parent: SignedIn;

  beforeAll(async () => {
    test = await createTestApp();
    seeded = await seedArea(test.platform.db);
    [source, guarded] = await Promise.all([
      startRtspSource(),
      startRtspSource({ user: 'admin', password: 'cam-secret-1' }),
    ]);
    const kindergartenId = seeded.kindergartenId;
    await createUser(test.platform, { role: 'principal', username: 'principal', kindergartenId });
    await createUser(test.platform, { role: 'parent', username: 'parent', kindergartenId });
    principal = await signIn(test.app, 'principal');
    parent = await signIn(test.app, 'parent');
  });

  afterAll(async () => {
    await source?.stop();
    await guarded?.stop();
    await test?.close();
  });

  const add = (payload: Record<string, unknown>, user = principal) =>
    test.app.inject({ method: 'POST', url: '/api/cameras', headers: user.headers, payload });

  it('adds a camera with credentials, probes it, and never returns or logs the credentials', async () => {
    const response = await add({
      areaId: seeded.areaId,
      name: 'Corridor east',
      mainUrl: guarded.url.replace('rtsp://', 'rtsp://admin:cam-secret-1@'),
    });
    expect(response.statusCode).toBe(201);
    const camera = response.json<Camera>();
    expect(camera).toMatchObject({
      status: 'online',
      codec: 'h264',
      width: 320,
      height: 240,
      fps: 25,
      retentionDays: 90,
      hasCredentials: true,
      mainUrl: guarded.url,
    });
    expect(response.body).not.toContain('cam-secret-1');
    expect(response.body).not.toContain('admin');

    const row = await test.platform.db
      .selectFrom('cameras')
      .selectAll()
      .where('id', '=', camera.id)
      .executeTakeFirstOrThrow();
    expect(row.password_sealed).not.toContain('cam-secret-1');
    expect(test.platform.secrets.decrypt(row.password_sealed!)).toBe('cam-secret-1');
    expect(JSON.stringify(test.logLines())).not.toContain('cam-secret-1');

    const got = await test.app.inject({
      url: `/api/cameras/${camera.id}`,
      headers: principal.headers,
    });
    expect(got.json<Camera>().id).toBe(camera.id);
    expect(got.body).not.toContain('cam-secret-1');
  });

  it('reports wrong credentials as such', async () => {
    const response = await add({
      areaId: seeded.areaId,
      name: 'Corridor west',
      mainUrl: guarded.url,
      username: 'admin',
      password: 'not-the-secret',
    });
    expect(response.statusCode).toBe(201);
    const camera = response.json<Camera>();
    expect(camera.status).toBe('auth_failed');
    expect(camera.statusMessage).toMatch(/username or password/);
    expect(response.body).not.toContain('not-the-secret');
  });

  it('saves an unreachable camera as offline with a clear message', async () => {
    const port = await freePort();
    const response = await add({
      areaId: seeded.areaId,
      name: 'Gate',
      mainUrl: `rtsp://127.0.0.1:${port}/main`,
    });
    expect(response.statusCode).toBe(201);
    const camera = response.json<Camera>();
    expect(camera.status).toBe('offline');
    expect(camera.statusMessage).toMatch(/unreachable.*Connection refused/i);
    expect(camera.codec).toBeNull();
  });

  it('re-probes when the URL changes, and refuses retention under 30 days', async () => {
    const list = await test.app.inject({ url: '/api/cameras', headers: principal.headers });
    const gate = list.json<{ items: Camera[] }>().items.find((c) => c.name === 'Gate')!;
    const changed = await test.app.inject({
      method: 'PATCH',
      url: `/api/cameras/${gate.id}`,
      headers: principal.headers,
      payload: { mainUrl: source.url, retentionDays: 45 },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<Camera>()).toMatchObject({ status: 'online', retentionDays: 45 });

    const tooShort = await test.app.inject({
      method: 'PATCH',
      url: `/api/cameras/${gate.id}`,
      headers: principal.headers,
      payload: { retentionDays: 29 },
    });
    expect(tooShort.statusCode).toBe(400);
  });

  it('refuses cameras in toilets, and camera reads by parents', async () => {
    const toilet = await add({ areaId: seeded.toiletAreaId, name: 'No', mainUrl: source.url });
    expect(toilet.statusCode).toBe(400);

    const listed = await test.app.inject({ url: '/api/cameras', headers: parent.headers });
    expect(listed.json<{ items: Camera[] }>().items).toEqual([]);
    const byParent = await add({ areaId: seeded.areaId, name: 'P', mainUrl: source.url }, parent);
    expect(byParent.statusCode).toBe(403);
  });

  it('archives a camera: hidden from the list, kept for those who manage it', async () => {
    const list = await test.app.inject({ url: '/api/cameras', headers: principal.headers });
    const before = list.json<{ items: Camera[] }>().items;
    const target = before[0]!;
    const archived = await test.app.inject({
      method: 'POST',
      url: `/api/cameras/${target.id}/archive`,
      headers: principal.headers,
    });
    expect(archived.json<Camera>().archivedAt).not.toBeNull();
    const after = await test.app.inject({ url: '/api/cameras', headers: principal.headers });
    expect(after.json<{ items: Camera[] }>().items.map((c) => c.id)).not.toContain(target.id);
  });
});
