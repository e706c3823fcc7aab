import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, seedTestOrg, TEST_PASSWORD } from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';

describe.each(backends)('sign-in on %s', (backend) => {
  let t: TestApp;
  let userId: string;
  beforeEach(async () => {
    t = await createTestApp(backend);
    const org = await seedTestOrg(t.platform);
    userId = await createUser(t.platform, {
      role: 'security_officer',
      username: 'guard',
      kindergartenId: org.kindergartenId,
    });
  });
  afterEach(async () => t.close());

  const login = (
    payload: unknown,
    options: { ip?: string; headers?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: payload as Record<string, unknown>,
      headers: options.headers ?? {},
      remoteAddress: options.ip ?? '127.0.0.1',
    });
  const auditRows = () =>
    t.platform.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  it('gives a wrong password and an unknown user the same answer', async () => {
    const wrong = await login({ username: 'guard', password: 'not the password' });
    const unknown = await login({ username: 'nobody', password: 'not the password' });

    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('writes an audit row for each success and failure, with a reason and no password', async () => {
    await login({ username: 'guard', password: 'not the password' });
    await login({ username: 'nobody', password: 'secret typed as name' });
    await login({ username: 'Guard', password: TEST_PASSWORD });

    const rows = await auditRows();
    expect(rows.map((r) => [r.action, r.outcome, r.actor_id, r.details.reason])).toEqual([
      ['auth.login', 'failed', userId, 'bad_password'],
      ['auth.login', 'failed', null, 'unknown_user'],
      ['auth.login', 'succeeded', userId, undefined],
    ]);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('not the password');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('nobody');
    expect(rows[2]?.request_id).toBeTruthy();
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await login({ username: 'guard', password: `wrong-${i}` }, { ip: `10.0.0.${i}` });
      expect(r.statusCode).toBe(401);
    }

    const locked = await login({ username: 'guard', password: TEST_PASSWORD }, { ip: '10.0.1.1' });
    const unknownLocked = await login({ username: 'ghost', password: 'x' }, { ip: '10.0.1.2' });

    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('RATE_LIMITED');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // A name nobody has is not locked by someone else's failures.
    expect(unknownLocked.statusCode).toBe(401);
  });

  it('lets no more than 5 of a burst of parallel guesses through to the password check', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login({ username: 'guard', password: `guess-${i}` }, { ip: `10.1.0.${i}` }),
      ),
    );

    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(7);
  });

  it('locks a name nobody has just like a real account, revealing nothing', async () => {
    for (let i = 0; i < 5; i++) await login({ username: 'ghost', password: `wrong-${i}` });

    const answer = await login({ username: 'ghost', password: 'wrong' }, { ip: '10.9.9.9' });

    expect(answer.statusCode).toBe(429);
    expect(answer.headers['retry-after']).toBeDefined();
  });

  it('opens the account again when the window has passed', async () => {
    for (let i = 0; i < 5; i++) await login({ username: 'guard', password: `wrong-${i}` });
    const start = Date.now();
    t.platform.now = () => new Date(start + 16 * 60_000);

    const answer = await login({ username: 'guard', password: TEST_PASSWORD });

    expect(answer.statusCode).toBe(200);
  });

  it('limits one address to 20 failures, whatever names it tries', async () => {
    for (let i = 0; i < 20; i++) {
      const r = await login({ username: `user${i}`, password: 'wrong' }, { ip: '192.0.2.7' });
      expect(r.statusCode).toBe(401);
    }

    const fromThere = await login(
      { username: 'guard', password: TEST_PASSWORD },
      { ip: '192.0.2.7' },
    );
    const elsewhere = await login(
      { username: 'guard', password: TEST_PASSWORD },
      { ip: '192.0.2.8' },
    );

    expect(fromThere.statusCode).toBe(429);
    expect(Number(fromThere.headers['retry-after'])).toBeGreaterThan(0);
    expect(elsewhere.statusCode).toBe(200);
  });

  it('refuses a sign-in posted from another site', async () => {
    const foreign = await login(
      { username: 'guard', password: TEST_PASSWORD },
      { headers: { origin: 'https://evil.example' } },
    );
    const same = await login(
      { username: 'guard', password: TEST_PASSWORD },
      { headers: { origin: 'http://localhost:80' } },
    );

    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('AUTH_CSRF_FAILED');
    expect(same.statusCode).toBe(200);
  });

  it('names the fields at fault in a bad body', async () => {
    const answer = await login({ username: '', extra: 1 });

    expect(answer.statusCode).toBe(400);
    const body = answer.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = (body.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });

  it('answers 413 to an oversized body and 404 JSON to an unknown route', async () => {
    const huge = await login({ username: 'guard', password: 'x'.repeat(2 * 1024 * 1024) });
    const missing = await t.app.inject({ url: '/api/no-such-thing' });

    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
    expect(missing.json().requestId).toBeTruthy();
  });
});
