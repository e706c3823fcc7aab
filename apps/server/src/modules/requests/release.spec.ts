import type { FootageRequest, RedactionItem, Release } from '@gardenwatch/contracts';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { recordFootage } from '../playback/footage.test-support.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { addArea, seedClass } from './requests.test-support.ts';

const clip = fileURLToPath(
  new URL(
    '../../../../../packages/camsim/media/intel_face_demographics_walking_loop2.mp4',
    import.meta.url,
  ),
);

describe('release: faces tracked, unmasked by choice, rendered, checked, watched by the applicant', () => {
  let test: TestApp;
  let parent: SignedIn;
  let otherParent: SignedIn;
  let reviewer: SignedIn;
  let request: FootageRequest;
  let items: RedactionItem[];
  const startMs = Date.now() - 2 * 3_600_000;

  beforeAll(async () => {
    test = await createTestApp();
    const { db } = test.platform;
    const seeded = await seedArea(db);
    const { kindergartenId, districtId } = seeded;
    const room = await addArea(db, seeded.areaId, { name: 'Sunflower room', kind: 'classroom' });
    const cameraId = await insertCamera(db, room, { name: 'Room' });
    await recordFootage({
      recording: test.services.recording,
      cameraId,
      startMs,
      segments: 2,
      source: clip,
    });
    const parentId = await createUser(test.platform, {
      role: 'parent',
      username: 'parent',
      kindergartenId,
    });
    await createUser(test.platform, { role: 'parent', username: 'other', kindergartenId });
    await createUser(test.platform, {
      role: 'district_reviewer',
      username: 'reviewer',
      districtId,
    });
    await seedClass(db, {
      kindergartenId,
      name: 'Sunflower',
      areaIds: [room],
      parentIds: [parentId],
    });
    parent = await signIn(test.app, 'parent');
    otherParent = await signIn(test.app, 'other');
    reviewer = await signIn(test.app, 'reviewer');
    const applied = await test.app.inject({
      method: 'POST',
      url: '/api/footage-requests',
      headers: parent.headers,
      payload: {
        from: new Date(startMs).toISOString(),
        to: new Date(startMs + 8000).toISOString(),
        reason: 'child_conflict',
        description: 'Pushed near the door',
      },
    });
    request = applied.json<FootageRequest>();
  }, 60_000);

  afterAll(async () => {
    await test?.close();
  });

  const call = (user: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    test.app.inject({ method, url, headers: user.headers, ...(payload ? { payload } : {}) });
  const base = () => `/api/footage-requests/${request.id}`;

  it('refuses a release before the faces are found', async () => {
    const response = await call(reviewer, 'POST', `${base()}/decision`, { outcome: 'release' });
    expect(response.statusCode).toBe(409);
  });

  it('finds and tracks the faces in the background, for the reviewer only', async () => {
    expect((await call(parent, 'POST', `${base()}/redaction`)).statusCode).toBe(403);
    const started = await call(reviewer, 'POST', `${base()}/redaction`);
    expect(started.statusCode).toBe(201);
    await test.services.requests.redaction.idle();

    items = (await call(reviewer, 'GET', `${base()}/redaction`)).json<{ items: RedactionItem[] }>()
      .items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'ready', progress: 1 });
    expect(items[0]!.tracks.length).toBeGreaterThan(0);
    const source = await call(reviewer, 'GET', `${base()}/redaction/${items[0]!.id}/source.mp4`);
    expect(source.headers['content-type']).toBe('video/mp4');
    const sourceUrl = `${base()}/redaction/${items[0]!.id}/source.mp4`;
    expect((await call(parent, 'GET', sourceUrl)).statusCode).toBe(403);
  }, 120_000);

  it('unmasks chosen tracks only, and releases: rendered, face-checked, counts stored', async () => {
    const item = items[0]!;
    const url = `${base()}/redaction/${item.id}/unmasked`;
    expect((await call(reviewer, 'PUT', url, { trackIds: [9999] })).statusCode).toBe(400);
    const chosen = await call(reviewer, 'PUT', url, { trackIds: [item.tracks[0]!.id] });
    expect(chosen.json()).toMatchObject({ unmasked: [item.tracks[0]!.id] });

    const decided = await call(reviewer, 'POST', `${base()}/decision`, { outcome: 'release' });
    expect(decided.json()).toMatchObject({ status: 'released' });
    await test.services.requests.redaction.idle();

    const release = (await call(parent, 'GET', `${base()}/release`)).json<Release>();
    expect(release).toMatchObject({ viewable: true, allowDownload: false, revokedAt: null });
    expect(release.items[0]!.faceCheck).toMatchObject({ facesOutsideUnmasked: 0 });
    expect(release.items[0]!.faceCheck!.framesChecked).toBeGreaterThan(10);
    expect(Date.parse(release.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  }, 180_000);

  it('streams the clip to the applicant alone, audits each view, refuses a download', async () => {
    const url = `${base()}/release/${items[0]!.id}/video.mp4`;
    const watched = await call(parent, 'GET', url);
    expect(watched.statusCode).toBe(200);
    expect(watched.headers['content-disposition']).toBe('inline');
    expect((await call(parent, 'GET', `${url}?download=1`)).statusCode).toBe(403);
    expect((await call(otherParent, 'GET', url)).statusCode).toBe(404);
    expect((await call(reviewer, 'GET', url)).statusCode).toBe(403);
    const views = await test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'footage_release.view')
      .execute();
    expect(views).toMatchObject([{ actor_username: 'parent', resource_id: request.id }]);
  });

  it('stops at once when revoked; the request closes and the hold outlives it by the appeal period', async () => {
    const revoked = await call(reviewer, 'POST', `${base()}/release/revoke`);
    expect(revoked.json()).toMatchObject({ viewable: false });
    expect(
      (await call(parent, 'GET', `${base()}/release/${items[0]!.id}/video.mp4`)).statusCode,
    ).toBe(403);

    const { release } = test.services.requests;
    expect(await release.sweep()).toEqual({ closed: 1, holdsReleased: 0 });
    const [cameraId] = request.cameraIds;
    expect(await test.services.recording.holds.active(cameraId!)).toHaveLength(1);
    const realNow = test.platform.now;
    test.platform.now = () => new Date(Date.now() + 31 * 86_400_000);
    try {
      expect(await release.sweep()).toEqual({ closed: 0, holdsReleased: 1 });
    } finally {
      test.platform.now = realNow;
    }
    expect(await test.services.recording.holds.active(cameraId!)).toHaveLength(0);
  });
});
