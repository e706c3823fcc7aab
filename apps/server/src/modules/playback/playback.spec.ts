import type { Timeline } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { recordFootage } from './footage.test-support.ts';

describe('playback: timeline, HLS playlist, segments and snapshots', () => {
  let test: TestApp;
  let cameraId: string;
  let officer: SignedIn;
  let parent: SignedIn;
  let maintainer: SignedIn;
  // Six 4-second segments from here, the third missing (the camera was away).
  const startMs = Date.UTC(2026, 11, 3, 8, 0, 0);
  const at = (seconds: number) => new Date(startMs + seconds * 1000).toISOString();

  beforeAll(async () => {
    test = await createTestApp();
    const seeded = await seedArea(test.platform.db);
    cameraId = await insertCamera(test.platform.db, seeded.areaId);
    const { kindergartenId } = seeded;
    await createUser(test.platform, {
      role: 'security_officer',
      username: 'officer',
      kindergartenId,
    });
    await createUser(test.platform, { role: 'parent', username: 'parent', kindergartenId });
    await createUser(test.platform, {
      role: 'maintainer',
      username: 'fixer',
      districtId: seeded.districtId,
      maintainedKindergartenIds: [kindergartenId],
    });
    officer = await signIn(test.app, 'officer');
    parent = await signIn(test.app, 'parent');
    maintainer = await signIn(test.app, 'fixer');
    const recording = test.services.recording;
    await recordFootage({ recording, cameraId, startMs, segments: 6, skip: [2] });
    const gap = await recording.repo.openGap(cameraId, new Date(at(8)), 'camera_unreachable', null);
    await recording.repo.closeGap(gap.id, new Date(at(12)));
    await recording.holds.create({
      cameraId,
      from: new Date(at(16)),
      to: new Date(at(20)),
      reason: 'alert follow-up',
      owner: 'alert:test',
    });
  });

  afterAll(async () => {
    await test?.close();
  });

  const get = (url: string, user: SignedIn = officer) =>
    test.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const range = (from: number, to: number) =>
    `from=${encodeURIComponent(at(from))}&to=${encodeURIComponent(at(to))}`;
  const auditRows = (action: string, outcome: 'succeeded' | 'denied') =>
    test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('outcome', '=', outcome)
      .where('resource_id', '=', cameraId)
      .execute();

  it('shows recorded spans, the gap with its cause, holds and the range kept', async () => {
    const response = await get(`/api/cameras/${cameraId}/timeline?${range(-60, 60)}`);

    expect(response.statusCode).toBe(200);
    const timeline = response.json<Timeline>();
    expect(timeline.spans).toEqual([
      { from: at(0), to: at(8) },
      { from: at(12), to: at(24) },
    ]);
    expect(timeline.gaps).toMatchObject([{ from: at(8), to: at(12), cause: 'camera_unreachable' }]);
    expect(timeline.holds).toMatchObject([{ from: at(16), to: at(20), owner: 'alert:test' }]);
    expect(timeline.available).toEqual({ from: at(0), to: at(24) });
  });

  it('serves an HLS playlist of the segment index, each segment playable, and audits it', async () => {
    const response = await get(`/api/cameras/${cameraId}/playback.m3u8?${range(2, 22)}`);

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/vnd.apple.mpegurl');
    const uris = response.body.split('\n').filter((line) => line.startsWith('/api/'));
    expect(uris).toHaveLength(5);
    expect(response.body.match(/#EXT-X-DISCONTINUITY/g)).toHaveLength(4);
    expect(response.body).toContain(`#EXT-X-PROGRAM-DATE-TIME:${at(12)}`);
    expect(response.body).toContain('#EXT-X-ENDLIST');

    const segment = await test.app.inject({ url: uris[0]!, headers: { cookie: officer.cookie } });
    expect(segment.statusCode).toBe(200);
    expect(segment.headers['content-type']).toBe('video/mp2t');
    expect(segment.rawPayload[0]).toBe(0x47);
    expect(segment.rawPayload[188]).toBe(0x47);

    const audited = await auditRows('video.playback', 'succeeded');
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actor_username).toBe('officer');
  });

  it('answers a range outside the footage kept with 404 and the range that exists', async () => {
    const response = await get(`/api/cameras/${cameraId}/playback.m3u8?${range(-7200, -3600)}`);

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({
      code: 'NOT_FOUND',
      details: { available: { from: at(0), to: at(24) } },
    });
  });

  it('refuses a parent and a maintainer with 403 and an audit row each', async () => {
    const before = (await auditRows('video.playback', 'denied')).length;
    for (const user of [parent, maintainer]) {
      const response = await get(`/api/cameras/${cameraId}/playback.m3u8?${range(0, 8)}`, user);
      expect(response.statusCode).toBe(403);
      const segment = await get(`/api/cameras/${cameraId}/segments/1/media.ts`, user);
      expect(segment.statusCode).toBe(403);
    }
    expect((await auditRows('video.playback', 'denied')).length).toBe(before + 4);
  });

  it('rejects a reversed or overlong range naming the field, and a bad segment number', async () => {
    const reversed = await get(`/api/cameras/${cameraId}/playback.m3u8?${range(10, 0)}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json<{ message: string }>().message).toContain('to');

    const long = await get(`/api/cameras/${cameraId}/timeline?${range(0, 25 * 3600)}`);
    expect(long.statusCode).toBe(400);

    const bad = await get(`/api/cameras/${cameraId}/segments/abc/media.ts`);
    expect(bad.statusCode).toBe(400);
  });

  it('takes a JPEG snapshot of the footage at a moment, audited', async () => {
    const response = await get(
      `/api/cameras/${cameraId}/snapshot.jpg?at=${encodeURIComponent(at(14.5))}`,
    );

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const audited = await auditRows('video.snapshot', 'succeeded');
    expect(audited.at(-1)?.details).toMatchObject({ at: at(14.5) });

    const inGap = await get(
      `/api/cameras/${cameraId}/snapshot.jpg?at=${encodeURIComponent(at(9))}`,
    );
    expect(inGap.statusCode).toBe(404);
    const refused = await get(
      `/api/cameras/${cameraId}/snapshot.jpg?at=${encodeURIComponent(at(1))}`,
      parent,
    );
    expect(refused.statusCode).toBe(403);
  });
});
