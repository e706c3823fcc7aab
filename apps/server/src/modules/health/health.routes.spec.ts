import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { insertCamera, seedArea, type SeededArea } from '../recording/recording.test-support.ts';

describe.each(backends)('health and work orders over HTTP on %s', (backend) => {
  let t: TestApp;
  let org: SeededArea;
  let cameraId: string;
  let orderId: string;
  const who: Record<string, SignedIn> = {};

  beforeAll(async () => {
    t = await createTestApp(backend);
    org = await seedArea(t.platform.db);
    const other = await seedArea(t.platform.db, '2');
    cameraId = await insertCamera(t.platform.db, org.areaId, { name: 'Gate' });
    const users = [
      { role: 'maintainer', username: 'fixer', maintainedKindergartenIds: [org.kindergartenId] },
      {
        role: 'maintainer',
        username: 'elsewhere',
        maintainedKindergartenIds: [other.kindergartenId],
      },
      { role: 'parent', username: 'mum', kindergartenId: org.kindergartenId },
      { role: 'security_officer', username: 'guard', kindergartenId: org.kindergartenId },
      { role: 'district_reviewer', username: 'reviewer', districtId: org.districtId },
    ] as const;
    for (const user of users) {
      await createUser(t.platform, {
        ...user,
        maintainedKindergartenIds: [
          ...('maintainedKindergartenIds' in user ? user.maintainedKindergartenIds : []),
        ],
      });
      who[user.username] = await signIn(t.app, user.username);
    }
    const since = new Date(Date.now() - 10 * 60_000);
    orderId = (await t.services.health.monitor.workOrders.open({
      cameraId,
      kindergartenId: org.kindergartenId,
      districtId: org.districtId,
      fault: 'covered',
      since,
    }))!;
  });
  afterAll(async () => t.close());

  const get = (url: string, user: string) =>
    t.app.inject({ method: 'GET', url, headers: who[user]!.headers });

  it('shows a kindergarten’s camera health to its maintainer and guard, never to a parent', async () => {
    const url = `/api/kindergartens/${org.kindergartenId}/health`;
    const seen = await get(url, 'fixer');
    expect(seen.statusCode).toBe(200);
    const body = seen.json<{ cameras: { name: string; availability: number[]; link: string }[] }>();
    expect(body.cameras).toHaveLength(1);
    expect(body.cameras[0]).toMatchObject({ name: 'Gate', link: 'unknown' });
    expect(body.cameras[0]!.availability).toHaveLength(96);
    expect((await get(url, 'guard')).statusCode).toBe(200);

    expect((await get(url, 'mum')).statusCode).toBe(403);
    expect((await get(url, 'elsewhere')).statusCode).toBe(404);
    const denied = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_username', '=', 'mum')
      .where('action', '=', 'health.read')
      .execute();
    expect(denied).toEqual([{ action: 'health.read', outcome: 'denied' }]);
  });

  it('shows the storage of the recording disk to the maintainer, not to a parent', async () => {
    const url = `/api/kindergartens/${org.kindergartenId}/storage`;
    const seen = await get(url, 'fixer');
    expect(seen.statusCode).toBe(200);
    const body = seen.json<{ totalBytes: number; cameras: { name: string; bytes: number }[] }>();
    expect(body.totalBytes).toBeGreaterThan(0);
    expect(body.cameras).toEqual([expect.objectContaining({ name: 'Gate', bytes: 0 })]);
    expect((await get(url, 'mum')).statusCode).toBe(403);
  });

  it('lists the work order for its maintainer only; a second fault does not open another', async () => {
    const again = await t.services.health.monitor.workOrders.open({
      cameraId,
      kindergartenId: org.kindergartenId,
      districtId: org.districtId,
      fault: 'offline',
      since: new Date(),
    });
    expect(again).toBeNull();
    const mine = await get('/api/work-orders', 'fixer');
    expect(mine.json<{ items: { id: string; fault: string }[] }>().items).toEqual([
      expect.objectContaining({ id: orderId, fault: 'covered', cameraName: 'Gate' }),
    ]);
    expect((await get('/api/work-orders', 'elsewhere')).json()).toEqual({ items: [] });
    expect((await get('/api/work-orders', 'mum')).json()).toEqual({ items: [] });
  });

  it('lists overdue orders for the district reviewer, not for maintainers', async () => {
    expect((await get('/api/work-orders/overdue', 'reviewer')).json()).toEqual({ items: [] });
    // The order was opened 26 h ago: two hours past its repair time.
    await t.platform.db
      .updateTable('work_orders')
      .set({
        opened_at: new Date(Date.now() - 26 * 3_600_000),
        due_at: new Date(Date.now() - 2 * 3_600_000),
      })
      .where('id', '=', orderId)
      .execute();
    const overdue = await get('/api/work-orders/overdue', 'reviewer');
    expect(overdue.json<{ items: { id: string; overdue: boolean }[] }>().items).toEqual([
      expect.objectContaining({ id: orderId, overdue: true }),
    ]);
    expect((await get('/api/work-orders/overdue', 'fixer')).statusCode).toBe(403);
  });

  it('closes an order only with a note, by its maintainer, and audits it', async () => {
    const close = (user: string, note: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/work-orders/${orderId}/close`,
        headers: who[user]!.headers,
        payload: { note },
      });
    const empty = await close('fixer', '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('note');
    expect((await close('mum', 'done')).statusCode).toBe(404);
    expect((await close('elsewhere', 'done')).statusCode).toBe(404);
    expect((await close('reviewer', 'done')).statusCode).toBe(403);

    const closed = await close('fixer', 'cleaned the lens');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ note: 'cleaned the lens', overdue: false });
    expect(closed.json<{ closedAt: string | null }>().closedAt).not.toBeNull();
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_username'])
      .where('resource_id', '=', orderId)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'workorder.open', outcome: 'succeeded', actor_username: null },
      { action: 'workorder.close', outcome: 'denied', actor_username: 'reviewer' },
      { action: 'workorder.close', outcome: 'succeeded', actor_username: 'fixer' },
    ]);
  });
});
