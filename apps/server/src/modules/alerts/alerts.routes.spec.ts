import { alertLiveMessageSchema, type Alert, type AlertLiveMessage } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea, waitFor } from '../recording/recording.test-support.ts';

describe('alerts over HTTP and WebSocket', () => {
  let t: TestApp;
  let cameraId: string;
  let base: string;
  const users: Record<string, SignedIn> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const area = await seedArea(t.platform.db);
    cameraId = await insertCamera(t.platform.db, area.areaId);
    const kg = { kindergartenId: area.kindergartenId };
    await createUser(t.platform, { role: 'security_officer', username: 'officer', ...kg });
    await createUser(t.platform, { role: 'parent', username: 'parent', ...kg });
    await createUser(t.platform, { role: 'city_admin', username: 'admin' });
    for (const name of ['officer', 'parent', 'admin']) users[name] = await signIn(t.app, name);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `ws://127.0.0.1:${address.port}`;
  });
  afterAll(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: users[who]?.headers ?? {}, ...(payload && { payload }) });
  const raise = (rule: 'child-fall' | 'striking' = 'child-fall') =>
    t.services.alerts.alerts.raise({ rule, cameraId, at: new Date() });

  it('pushes a raised alert to a signed-in console within its scope', async () => {
    const messages: AlertLiveMessage[] = [];
    const socket = new WebSocket(`${base}/api/alerts/live`, {
      headers: { cookie: users.officer?.cookie ?? '' },
    });
    socket.on('message', (data: Buffer) =>
      messages.push(alertLiveMessageSchema.parse(JSON.parse(data.toString()))),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    await waitFor('the listener', () => t.services.alerts.live.size === 1);

    const { alertId } = await raise();
    await waitFor('the pushed alert', () => messages.find((m) => m.alert.id === alertId));
    socket.close();
    expect(messages[0]).toMatchObject({ type: 'raised', alert: { rule: 'child-fall' } });
  });

  it('refuses the live socket to a visitor without a session', async () => {
    const socket = new WebSocket(`${base}/api/alerts/live`);
    const status = await new Promise<number>((resolve) =>
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('lets the officer read and act; a parent reads nothing; an admin may not act', async () => {
    const { alertId } = await raise();
    const list = await call('officer', 'GET', '/api/alerts?state=new');
    expect(list.json<{ items: Alert[] }>().items.map((a) => a.id)).toContain(alertId);

    expect((await call('parent', 'GET', '/api/alerts')).json()).toEqual({ items: [] });
    expect((await call('parent', 'GET', `/api/alerts/${alertId}`)).statusCode).toBe(404);
    expect((await call('parent', 'GET', `/api/alerts/${alertId}/snapshot.jpg`)).statusCode).toBe(
      404,
    );
    const adminAck = await call('admin', 'POST', `/api/alerts/${alertId}/acknowledge`, {});
    expect(adminAck.statusCode).toBe(403);

    const ack = await call('officer', 'POST', `/api/alerts/${alertId}/acknowledge`, {});
    expect(ack.json<{ alert: Alert }>().alert.state).toBe('acknowledged');
  });

  it('refuses to close an alert without a note, naming the field, and changes nothing', async () => {
    const { alertId } = await raise('striking');
    const refused = await call('officer', 'POST', `/api/alerts/${alertId}/false-alarm`, {
      note: '  ',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ message: string }>().message).toMatch(/note/);
    const alert = (await call('officer', 'GET', `/api/alerts/${alertId}`)).json<{ alert: Alert }>();
    expect(alert.alert.state).toBe('new');

    const closed = await call('officer', 'POST', `/api/alerts/${alertId}/false-alarm`, {
      note: 'a child lying down for a nap',
    });
    expect(closed.json<{ alert: Alert }>().alert.state).toBe('false_alarm');
    const precision = await call('admin', 'GET', '/api/alerts/precision');
    expect(precision.json<{ items: { rule: string; falseAlarms: number }[] }>().items).toEqual([
      expect.objectContaining({ rule: 'child-fall', falseAlarms: 0, open: 1 }),
      expect.objectContaining({ rule: 'striking', falseAlarms: 1, precision: 0 }),
    ]);
  });

  it('keeps zones drawn on a camera: managers draw, viewers read, bad polygons are refused', async () => {
    const url = `/api/cameras/${cameraId}/zones`;
    const zone = {
      id: 'gate-1',
      kind: 'gate',
      polygon: [
        { x: 0.1, y: 0.5 },
        { x: 0.5, y: 0.5 },
        { x: 0.5, y: 1 },
      ],
    };
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      headers: users.admin?.headers ?? {},
      payload: { zones: [{ ...zone, polygon: zone.polygon.slice(0, 2) }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toMatch(/zones\.0\.polygon/);
    const refused = await t.app.inject({
      method: 'PUT',
      url,
      headers: users.officer?.headers ?? {},
      payload: { zones: [zone] },
    });
    expect(refused.statusCode).toBe(403);

    const saved = await t.app.inject({
      method: 'PUT',
      url,
      headers: users.admin?.headers ?? {},
      payload: { zones: [zone] },
    });
    expect(saved.statusCode).toBe(200);
    const read = await call('officer', 'GET', url);
    expect(read.json()).toEqual({ zones: [zone] });
    const pixels = await t.services.alerts.zones.forAnalysis(cameraId, { width: 640, height: 360 });
    expect(pixels[0]?.polygon[0]).toEqual({ x: 64, y: 180 });
  });
});
