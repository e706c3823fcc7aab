import type { AreaTimeline } from '@gardenwatch/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea, type SeededArea } from '../recording/recording.test-support.ts';
import { recordFootage } from './footage.test-support.ts';

describe('area timeline: every camera of an area over one range, for playback in sync', () => {
  let test: TestApp;
  let seeded: SeededArea;
  let gate: string;
  let hall: string;
  let officer: SignedIn;
  let police: SignedIn;
  const startMs = Date.UTC(2026, 11, 3, 9, 0, 0);
  const at = (seconds: number) => new Date(startMs + seconds * 1000).toISOString();
  const range = (from: number, to: number) =>
    `from=${encodeURIComponent(at(from))}&to=${encodeURIComponent(at(to))}`;

  beforeAll(async () => {
    test = await createTestApp();
    seeded = await seedArea(test.platform.db);
    gate = await insertCamera(test.platform.db, seeded.areaId, { name: 'B gate' });
    hall = await insertCamera(test.platform.db, seeded.areaId, { name: 'A hall' });
    await insertCamera(test.platform.db, seeded.toiletAreaId, { name: 'Toilet door' });
    const { kindergartenId, districtId } = seeded;
    await createUser(test.platform, {
      role: 'security_officer',
      username: 'officer',
      kindergartenId,
    });
    await createUser(test.platform, { role: 'police', username: 'police', districtId });
    officer = await signIn(test.app, 'officer');
    police = await signIn(test.app, 'police');
    const recording = test.services.recording;
    await recordFootage({ recording, cameraId: gate, startMs, segments: 3 });
    await recordFootage({ recording, cameraId: hall, startMs: startMs + 4000, segments: 3 });
  });

  afterAll(async () => {
    await test?.close();
  });

  const get = (url: string, user: SignedIn) =>
    test.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });

  it('gives each camera of the area its spans over the same range, in name order', async () => {
    const response = await get(`/api/areas/${seeded.areaId}/timeline?${range(-60, 60)}`, officer);

    expect(response.statusCode).toBe(200);
    const area = response.json<AreaTimeline>();
    expect(area.from).toBe(at(-60));
    expect(area.name).toBe('Corridor');
    expect(area.cameras.map((c) => [c.name, c.cameraId])).toEqual([
      ['A hall', hall],
      ['B gate', gate],
    ]);
    expect(area.cameras[0]!.spans).toEqual([{ from: at(4), to: at(16) }]);
    expect(area.cameras[1]!.spans).toEqual([{ from: at(0), to: at(12) }]);
    expect(area.cameras.every((c) => c.alerts.length === 0)).toBe(true);
  });

  it('lets the police see a key area and refuses another with 403 and an audit row', async () => {
    const key = await get(`/api/areas/${seeded.areaId}/timeline?${range(0, 10)}`, police);
    expect(key.statusCode).toBe(200);

    const other = await get(`/api/areas/${seeded.toiletAreaId}/timeline?${range(0, 10)}`, police);
    expect(other.statusCode).toBe(403);
    const denied = await test.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('outcome', '=', 'denied')
      .where('action', '=', 'video.playback')
      .execute();
    expect(denied).toEqual([{ action: 'video.playback', actor_username: 'police' }]);
  });

  it('answers an unknown area with 404 and a reversed range with 400 naming the field', async () => {
    const unknown = await get(`/api/areas/${randomUUID()}/timeline?${range(0, 10)}`, officer);
    expect(unknown.statusCode).toBe(404);

    const reversed = await get(`/api/areas/${seeded.areaId}/timeline?${range(10, 0)}`, officer);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ message: string }>().message).toContain('to');
  });
});
