import type { FootageRequest } from '@gardenwatch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { addArea, seedClass } from './requests.test-support.ts';

const HOUR = 3_600_000;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200, 32)]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('footage requests: apply, hold, route, decide', () => {
  let test: TestApp;
  let users: Record<
    'parent' | 'parent2' | 'parent3' | 'reviewer' | 'police' | 'principal',
    SignedIn
  >;
  let roomA: string;
  let roomB: string;
  let napCamera: string;
  let classCamera: string;
  let otherCamera: string;
  const base = Date.now();
  const at = (hoursAgo: number) => new Date(base - hoursAgo * HOUR).toISOString();

  beforeAll(async () => {
    test = await createTestApp();
    const { db } = test.platform;
    const seeded = await seedArea(db);
    const { kindergartenId, districtId } = seeded;
    roomA = await addArea(db, seeded.areaId, { name: 'Sunflower room', kind: 'classroom' });
    const napA = await addArea(db, seeded.areaId, { name: 'Nap room A', kind: 'nap_room' });
    roomB = await addArea(db, seeded.areaId, { name: 'Rose room', kind: 'classroom' });
    classCamera = await insertCamera(db, roomA, { name: 'Room A' });
    napCamera = await insertCamera(db, napA, { name: 'Nap A' });
    otherCamera = await insertCamera(db, roomB, { name: 'Room B' });
    const ids = {
      parent: await createUser(test.platform, {
        role: 'parent',
        username: 'parent',
        kindergartenId,
      }),
      parent2: await createUser(test.platform, {
        role: 'parent',
        username: 'parent2',
        kindergartenId,
      }),
      parent3: await createUser(test.platform, {
        role: 'parent',
        username: 'parent3',
        kindergartenId,
      }),
    };
    await createUser(test.platform, {
      role: 'district_reviewer',
      username: 'reviewer',
      districtId,
    });
    await createUser(test.platform, { role: 'police', username: 'police', districtId });
    await createUser(test.platform, { role: 'principal', username: 'principal', kindergartenId });
    await seedClass(db, {
      kindergartenId,
      name: 'Sunflower',
      areaIds: [roomA, napA],
      parentIds: [ids.parent, ids.parent2],
    });
    await seedClass(db, {
      kindergartenId,
      name: 'Rose',
      areaIds: [roomB],
      parentIds: [ids.parent3],
    });
    const names = ['parent', 'parent2', 'parent3', 'reviewer', 'police', 'principal'] as const;
    const signed = await Promise.all(names.map((n) => signIn(test.app, n)));
    users = Object.fromEntries(names.map((n, i) => [n, signed[i]!])) as typeof users;
  });

  afterAll(async () => {
    await test?.close();
  });

  const apply = (user: SignedIn, payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: '/api/footage-requests',
      headers: user.headers,
      payload,
    });
  const get = (user: SignedIn, url: string) =>
    test.app.inject({ method: 'GET', url, headers: user.headers });
  const counts = async () => {
    const { db } = test.platform;
    const requests = await db
      .selectFrom('footage_requests')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const holds = await db
      .selectFrom('recording_holds')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return { requests: Number(requests.n), holds: Number(holds.n) };
  };
  const injury = { from: at(5), to: at(4), reason: 'injury', description: 'A scratch on the arm' };

  let first: FootageRequest;

  it('a parent applies for the class rooms by default: held at once, routed, kindergarten told', async () => {
    const response = await apply(users.parent, injury);

    expect(response.statusCode).toBe(201);
    first = response.json<FootageRequest>();
    expect(first).toMatchObject({
      status: 'pending',
      routedTo: 'district',
      overdue: false,
      joinedHolds: 0,
    });
    expect(first.cameraIds.sort()).toEqual([classCamera, napCamera].sort());
    expect(Date.parse(first.dueAt) - Date.now()).toBeGreaterThan(9.9 * 24 * HOUR);
    expect(first.history.map((h) => h.status)).toEqual(['pending']);
    const holds = await test.services.recording.holds.active(classCamera);
    expect(holds).toMatchObject([
      { owner: `footage_request:${first.id}`, from: new Date(injury.from) },
    ]);
    const notices = await get(users.principal, '/api/notices');
    expect(notices.json<{ items: { kind: string }[] }>().items).toMatchObject([
      { kind: 'footage_request' },
    ]);
    const audit = await test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'footage_request.create')
      .execute();
    expect(audit).toMatchObject([{ resource_id: first.id }]);
  });

  it('a second parent asking about the same incident joins the same hold', async () => {
    const before = await counts();
    const response = await apply(users.parent2, {
      ...injury,
      from: at(4.8),
      to: at(4.2),
      areaIds: [roomA],
    });

    expect(response.statusCode).toBe(201);
    expect(response.json<FootageRequest>()).toMatchObject({
      joinedHolds: 1,
      cameraIds: [classCamera],
    });
    expect(await counts()).toEqual({ requests: before.requests + 1, holds: before.holds });
    expect((await get(users.parent, `/api/footage-requests/${first.id}`)).json()).toMatchObject({
      joinedHolds: 1,
    });
  });

  it.each([
    ['a window over 2 h', () => ({ from: at(30), to: at(27) }), 400, 'to'],
    ['a window outside retention', () => ({ from: at(91 * 24), to: at(91 * 24 - 1) }), 400, 'from'],
    ['a window not yet over', () => ({ from: at(0.5), to: at(-0.5) }), 400, 'to'],
    [
      'a window overlapping the parent’s open request',
      () => ({ from: at(4.5), to: at(3) }),
      409,
      'from',
    ],
    [
      'a room of another class',
      () => ({ from: at(10), to: at(9), areaIds: [roomB] }),
      400,
      'areaIds',
    ],
    ['an unknown reason', () => ({ from: at(10), to: at(9), reason: 'curiosity' }), 400, 'reason'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, change, status, field) => {
    const before = await counts();
    const response = await apply(users.parent, { ...injury, ...change() });

    expect(response.statusCode).toBe(status);
    expect(JSON.stringify(response.json())).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('takes a PDF attachment and refuses a disguised or oversized one', async () => {
    const url = `/api/footage-requests/${first.id}/attachments?name=note.pdf`;
    const send = (type: string, payload: Buffer, user = users.parent) =>
      test.app.inject({
        method: 'POST',
        url,
        headers: { ...user.headers, 'content-type': type },
        payload,
      });

    expect((await send('application/pdf', PDF)).statusCode).toBe(201);
    expect((await send('application/pdf', Buffer.from('MZ\x90\x00 not a pdf'))).statusCode).toBe(
      415,
    );
    expect((await send('application/pdf', PNG_HEAD)).statusCode).toBe(415);
    expect(
      (await send('image/png', Buffer.concat([PNG_HEAD, Buffer.alloc(6 * 1024 * 1024)])))
        .statusCode,
    ).toBe(413);
    expect((await send('application/pdf', PDF, users.parent2)).statusCode).toBe(404);
    const view = (
      await get(users.parent, `/api/footage-requests/${first.id}`)
    ).json<FootageRequest>();
    expect(view.attachments).toMatchObject([{ name: 'note.pdf', mediaType: 'application/pdf' }]);
  });

  it('shows the request to its applicant, reviewer and principal, and to no other parent', async () => {
    const url = `/api/footage-requests/${first.id}`;
    for (const who of ['parent', 'reviewer', 'principal'] as const)
      expect((await get(users[who], url)).statusCode).toBe(200);
    expect((await get(users.parent3, url)).statusCode).toBe(404);
    const queue = (await get(users.reviewer, '/api/footage-requests?view=queue')).json<{
      items: FootageRequest[];
    }>();
    expect(queue.items.map((r) => r.id)).toContain(first.id);
    expect((await get(users.police, '/api/footage-requests?view=queue')).json()).toEqual({
      items: [],
    });
  });

  it('the reviewer rejects with a reason; the applicant sees each step; a second decision is refused', async () => {
    const url = `/api/footage-requests/${first.id}/decision`;
    const decide = (user: SignedIn, payload: object) =>
      test.app.inject({ method: 'POST', url, headers: user.headers, payload });

    // The police do not see a district request at all.
    expect((await decide(users.police, { outcome: 'reject', reason: 'x' })).statusCode).toBe(404);
    expect((await decide(users.parent, { outcome: 'reject', reason: 'x' })).statusCode).toBe(403);
    expect(
      (await decide(users.reviewer, { outcome: 'reject', reason: 'The scratch happened outside' }))
        .statusCode,
    ).toBe(200);
    expect((await decide(users.reviewer, { outcome: 'on_site', at: at(-48) })).statusCode).toBe(
      409,
    );
    const seen = (
      await get(users.parent, `/api/footage-requests/${first.id}`)
    ).json<FootageRequest>();
    expect(seen).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The scratch happened outside',
    });
    expect(seen.history.map((h) => h.status)).toEqual(['pending', 'rejected']);
  });

  it('routes a criminal report to the police, who may offer an on-site viewing', async () => {
    const response = await apply(users.parent3, {
      ...injury,
      reason: 'suspected_abuse',
      criminalReport: true,
    });
    const request = response.json<FootageRequest>();

    expect(request).toMatchObject({ routedTo: 'police', cameraIds: [otherCamera] });
    const reviewerQueue = (await get(users.reviewer, '/api/footage-requests?view=queue')).json<{
      items: FootageRequest[];
    }>();
    expect(reviewerQueue.items.map((r) => r.id)).not.toContain(request.id);
    const decided = await test.app.inject({
      method: 'POST',
      url: `/api/footage-requests/${request.id}/decision`,
      headers: users.police.headers,
      payload: { outcome: 'on_site', at: at(-24) },
    });
    expect(decided.json()).toMatchObject({ status: 'on_site', onSiteAt: at(-24) });
  });

  it('lists overdue requests and reminds the reviewer once', async () => {
    await test.platform.db
      .updateTable('footage_requests')
      .set({ due_at: new Date(Date.now() - HOUR) })
      .where('status', '=', 'pending')
      .execute();
    const overdue = (
      await get(users.reviewer, '/api/footage-requests?view=queue&overdue=true')
    ).json<{ items: FootageRequest[] }>();

    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((r) => r.overdue && r.status === 'pending')).toBe(true);
    const { requests } = test.services.requests;
    expect(await requests.remindDue()).toBe(overdue.items.length);
    expect(await requests.remindDue()).toBe(0);
    const notices = (await get(users.reviewer, '/api/notices')).json<{
      items: { kind: string }[];
    }>();
    expect(notices.items.some((n) => n.kind === 'footage_request_due')).toBe(true);
  });
});
