import { areaKinds, sizeGrade } from '@gardenwatch/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../test/sign-in.ts';
import { backends, createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { demoCameraCredentials, demoCameras } from './demo-cameras.data.ts';
import { demoUsers } from './demo.data.ts';
import { demoAnnouncement, seedDemo } from './demo.seed.ts';

const tables = [
  'cities',
  'districts',
  'kindergartens',
  'buildings',
  'floors',
  'areas',
  'users',
  'maintainer_assignments',
  'cameras',
  'audit_log',
] as const;

describe.each(backends)('demo seed on %s', (backend) => {
  let t: TestApp;
  afterEach(async () => t.close());

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of tables) {
      const rows = await t.platform.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .execute();
      result[table] = Number(rows[0]?.n);
    }
    return result;
  };

  it('seeds a city, users of every role and a printed password; a second run changes nothing', async () => {
    t = await createTestApp(backend);

    const first = await seedDemo(t.platform, t.services);
    const afterFirst = await counts();
    const hashes = await t.platform.db
      .selectFrom('users')
      .select(['username', 'password_hash'])
      .execute();
    const second = await seedDemo(t.platform, t.services);

    expect(first.generatedPassword).toEqual(expect.any(String));
    expect(demoAnnouncement(first)[0]).toBe(`demo password: ${String(first.generatedPassword)}`);
    expect(first.createdUsers).toEqual(demoUsers.map((u) => u.username));
    expect(afterFirst).toMatchObject({ cities: 1, districts: 2, kindergartens: 3, users: 7 });
    expect(afterFirst.maintainer_assignments).toBe(2);
    expect(afterFirst.cameras).toBe(demoCameras.length);
    expect(first.changedCameras).toBe(demoCameras.length);
    expect(second).toEqual({ generatedPassword: null, createdUsers: [], changedCameras: 0 });
    expect(demoAnnouncement(second)).toEqual([]);
    expect(await counts()).toEqual(afterFirst);
    const hashesAfter = await t.platform.db
      .selectFrom('users')
      .select(['username', 'password_hash'])
      .execute();
    expect(hashesAfter).toEqual(hashes);

    const principal = await signIn(t.app, 'principal', String(first.generatedPassword));
    expect(principal.session.actor).toMatchObject({ role: 'principal' });
  });

  it('uses the configured password, covers every area kind and three size grades', async () => {
    t = await createTestApp(backend);
    t.platform.config = { ...t.platform.config, demoPassword: 'demo-password-123' };

    const result = await seedDemo(t.platform, t.services);
    const again = await seedDemo(t.platform, t.services);

    expect(result.generatedPassword).toBeNull();
    expect(result.createdUsers).toHaveLength(7);
    expect(demoAnnouncement(result)).toEqual([
      `demo users (with GARDENWATCH_DEMO_PASSWORD): ${demoUsers.map((u) => u.username).join(', ')}`,
    ]);
    expect(again.createdUsers).toEqual([]);
    const kinds = await t.platform.db.selectFrom('areas').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual([...areaKinds].sort());
    const kgs = await t.platform.db
      .selectFrom('kindergartens')
      .select(['type', 'children_count'])
      .execute();
    expect(new Set(kgs.map((k) => k.type)).size).toBe(3);
    expect(new Set(kgs.map((k) => sizeGrade(k.children_count))).size).toBe(3);
    const admin = await signIn(t.app, 'city-admin', 'demo-password-123');
    const tree = await t.app.inject({
      method: 'GET',
      url: '/api/org/tree',
      headers: admin.headers,
    });
    expect(tree.json()).toMatchObject({
      cities: [{ name: '深圳市', districtCount: 2, kindergartenCount: 3 }],
    });
  });

  it('registers the demo cameras on the simulator port, sealed, and follows a new port', async () => {
    t = await createTestApp(backend);
    t.platform.config = { ...t.platform.config, demoPassword: 'demo-password-123' };

    await seedDemo(t.platform, t.services);
    const rows = await t.platform.db.selectFrom('cameras').selectAll().orderBy('name').execute();
    t.platform.config = { ...t.platform.config, demoCameraPort: 18554 };
    const moved = await seedDemo(t.platform, t.services);
    const after = await t.platform.db.selectFrom('cameras').selectAll().execute();

    for (const row of rows) {
      expect(row.main_url).toMatch(/^rtsp:\/\/127\.0\.0\.1:8554\/[a-z-]+\/main$/);
      expect(row.sub_url).toBe(row.main_url.replace(/main$/, 'sub'));
      expect(row.username).toBe(demoCameraCredentials.username);
      expect(row.password_sealed).not.toContain(demoCameraCredentials.password);
      expect(t.platform.secrets.decrypt(String(row.password_sealed))).toBe(
        demoCameraCredentials.password,
      );
    }
    expect(moved.changedCameras).toBe(demoCameras.length);
    expect(after).toHaveLength(rows.length);
    expect(after.every((row) => row.main_url.includes(':18554/'))).toBe(true);

    const principal = await signIn(t.app, 'principal', 'demo-password-123');
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/cameras',
      headers: principal.headers,
    });
    const names = listed.json<{ items: { name: string; areaKind: string }[] }>().items;
    const own = demoCameras.filter((c) => c.kindergarten === demoCameras[0]?.kindergarten);
    expect(names.map((c) => c.name).sort()).toEqual(own.map((c) => c.name).sort());
    expect(new Set(names.map((c) => c.areaKind))).toEqual(
      new Set(['gate', 'entrance_hall', 'corridor', 'classroom']),
    );
    expect(listed.body).not.toContain(demoCameraCredentials.password);
    const sources = await t.services.cameras.recordingSources();
    expect(sources).toHaveLength(demoCameras.length);
  });
});
