import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, seedTestOrg, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';

describe.each(backends)('audit routes on %s', (backend) => {
  let t: TestApp;
  let admin: SignedIn;
  let parent: SignedIn;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const org = await seedTestOrg(t.platform);
    await createUser(t.platform, { role: 'city_admin', username: 'admin' });
    await createUser(t.platform, {
      role: 'parent',
      username: 'mum',
      kindergartenId: org.kindergartenId,
    });
    admin = await signIn(t.app, 'admin');
    parent = await signIn(t.app, 'mum');
  });
  afterAll(async () => t.close());

  it('lists sign-ins newest first, filtered by actor and action', async () => {
    const response = await t.app.inject({
      url: '/api/audit?action=auth.login&actor=mum',
      headers: admin.headers,
    });

    expect(response.statusCode).toBe(200);
    const rows = response.json<{
      rows: { actorUsername: string; action: string; outcome: string }[];
    }>().rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actorUsername === 'mum' && r.action.startsWith('auth.login'))).toBe(
      true,
    );
  });

  it('pages with a cursor without repeating rows', async () => {
    const first = await t.app.inject({ url: '/api/audit?limit=1', headers: admin.headers });
    const cursor = first.json<{ nextCursor: number; rows: { seq: number }[] }>();
    const second = await t.app.inject({
      url: `/api/audit?limit=1&before=${cursor.nextCursor}`,
      headers: admin.headers,
    });

    expect(cursor.nextCursor).toBe(cursor.rows[0]!.seq);
    expect(second.json<{ rows: { seq: number }[] }>().rows[0]!.seq).toBeLessThan(cursor.nextCursor);
  });

  it('refuses a parent with 403 and writes the denial', async () => {
    const response = await t.app.inject({ url: '/api/audit', headers: parent.headers });

    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN', requestId: expect.any(String) });
    const denial = await t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'audit.read')
      .where('outcome', '=', 'denied')
      .executeTakeFirst();
    expect(denial).toMatchObject({
      actor_username: 'mum',
      request_id: response.json<{ requestId: string }>().requestId,
    });
  });

  it('rejects a bad filter with 400 naming the field', async () => {
    const response = await t.app.inject({
      url: '/api/audit?from=yesterday',
      headers: admin.headers,
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain('querystring.from');
  });

  it('verifies the chain, and names the row edited behind its back', async () => {
    const intact = await t.app.inject({
      method: 'POST',
      url: '/api/audit/verify',
      headers: admin.headers,
    });
    expect(intact.json()).toMatchObject({ ok: true, brokenSeq: null });

    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(t.platform.db);
    await sql`update audit_log set actor_username = 'someone-else' where seq = 2`.execute(
      t.platform.db,
    );
    await sql`alter table audit_log enable trigger audit_log_append_only`.execute(t.platform.db);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/audit/verify',
      headers: admin.headers,
    });

    expect(broken.json()).toMatchObject({ ok: false, brokenSeq: 2 });
  });
});
