import type { PoliceCase } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { recordFootage } from '../playback/footage.test-support.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { addArea } from '../requests/requests.test-support.ts';

describe('police cases: key areas at once, other areas on approval, sights audited against the case', () => {
  let test: TestApp;
  let police: SignedIn;
  let reviewer: SignedIn;
  let parent: SignedIn;
  let corridor: string;
  let classroom: string;
  let corridorCamera: string;
  let classCamera: string;
  let kindergartenId: string;
  let opened: PoliceCase;
  const startMs = Date.now() - 3_600_000;
  const range = `from=${encodeURIComponent(new Date(startMs).toISOString())}&to=${encodeURIComponent(
    new Date(startMs + 8000).toISOString(),
  )}`;

  beforeAll(async () => {
    test = await createTestApp();
    const { db } = test.platform;
    const seeded = await seedArea(db);
    kindergartenId = seeded.kindergartenId;
    corridor = seeded.areaId;
    classroom = await addArea(db, corridor, { name: 'Sunflower room', kind: 'classroom' });
    corridorCamera = await insertCamera(db, corridor, { name: 'Corridor' });
    classCamera = await insertCamera(db, classroom, { name: 'Room' });
    const recording = test.services.recording;
    await recordFootage({ recording, cameraId: corridorCamera, startMs, segments: 2 });
    await recordFootage({ recording, cameraId: classCamera, startMs, segments: 2 });
    await createUser(test.platform, {
      role: 'police',
      username: 'police',
      districtId: seeded.districtId,
    });
    await createUser(test.platform, {
      role: 'district_reviewer',
      username: 'reviewer',
      districtId: seeded.districtId,
    });
    await createUser(test.platform, { role: 'parent', username: 'parent', kindergartenId });
    police = await signIn(test.app, 'police');
    reviewer = await signIn(test.app, 'reviewer');
    parent = await signIn(test.app, 'parent');
  });

  afterAll(async () => {
    await test?.close();
  });

  const playlist = (cameraId: string) =>
    test.app.inject({
      method: 'GET',
      url: `/api/cameras/${cameraId}/playback.m3u8?${range}`,
      headers: police.headers,
    });
  const register = (user: SignedIn, payload: object) =>
    test.app.inject({ method: 'POST', url: '/api/police-cases', headers: user.headers, payload });
  const body = () => ({
    caseNumber: '2026-SZ-0413',
    kindergartenId,
    from: new Date(startMs).toISOString(),
    to: new Date(startMs + 3_600_000).toISOString(),
    reason: 'Report of a child struck in class',
    areaIds: [corridor, classroom],
  });
  const caseSights = () =>
    test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'police_case.video.playback')
      .execute();

  it('refuses a classroom to the police without a case', async () => {
    expect((await playlist(classCamera)).statusCode).toBe(403);
    expect((await playlist(corridorCamera)).statusCode).toBe(200);
    expect(await caseSights()).toEqual([]);
  });

  it('registers a case: the key area opens, the classroom waits; bad input changes nothing', async () => {
    expect((await register(parent, body())).statusCode).toBe(403);
    expect((await register(police, { ...body(), areaIds: [randomUuid()] })).statusCode).toBe(400);
    const response = await register(police, body());

    expect(response.statusCode).toBe(201);
    opened = response.json<PoliceCase>();
    expect(opened.areas).toEqual(
      expect.arrayContaining([
        { areaId: corridor, isKey: true, status: 'open' },
        { areaId: classroom, isKey: false, status: 'pending' },
      ]),
    );
    expect((await register(police, body())).statusCode).toBe(409);
  });

  it('audits key-area sights against the case; the classroom opens only once approved', async () => {
    expect((await playlist(corridorCamera)).statusCode).toBe(200);
    expect(await caseSights()).toMatchObject([{ resource_id: opened.id, purpose: '2026-SZ-0413' }]);
    expect((await playlist(classCamera)).statusCode).toBe(403);

    const url = `/api/police-cases/${opened.id}/areas/${classroom}/decision`;
    const decide = (user: SignedIn) =>
      test.app.inject({ method: 'POST', url, headers: user.headers, payload: { approve: true } });
    expect((await decide(police)).statusCode).toBe(404);
    expect((await decide(reviewer)).json<PoliceCase>().areas).toContainEqual({
      areaId: classroom,
      isKey: false,
      status: 'approved',
    });
    expect((await decide(reviewer)).statusCode).toBe(409);

    expect((await playlist(classCamera)).statusCode).toBe(200);
    const sights = await caseSights();
    expect(sights.map((s) => (s.details as { cameraId: string }).cameraId)).toEqual([
      corridorCamera,
      classCamera,
    ]);
  });

  it('closes the classroom again when the case closes', async () => {
    const closed = await test.app.inject({
      method: 'POST',
      url: `/api/police-cases/${opened.id}/close`,
      headers: police.headers,
    });
    expect(closed.statusCode).toBe(200);
    expect((await playlist(classCamera)).statusCode).toBe(403);
    expect((await playlist(corridorCamera)).statusCode).toBe(200);
  });
});

const randomUuid = () => '00000000-0000-4000-8000-000000000999';
