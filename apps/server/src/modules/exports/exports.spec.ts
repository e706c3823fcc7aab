import type { VideoExport } from '@gardenwatch/contracts';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type SignedIn } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { probe, recordFootage } from '../playback/footage.test-support.ts';
import { insertCamera, seedArea } from '../recording/recording.test-support.ts';
import { MANIFEST_FILE } from './export-manifest.ts';

const bin = fileURLToPath(new URL('../../../bin/gardenwatch.mjs', import.meta.url));
const TEST_KEY = Buffer.alloc(32, 7).toString('hex');

/** `gardenwatch export verify` with the test platform's key; resolves with the exit code. */
const verifyCli = (dir: string): Promise<{ code: number; stdout: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'export', 'verify', dir],
      { env: { ...process.env, SECRET_KEY: TEST_KEY, LOG_LEVEL: 'warn' }, timeout: 60_000 },
      (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });

describe('export: stream-copied clips with a signed manifest', () => {
  let test: TestApp;
  let cameraA: string;
  let cameraB: string;
  let officer: SignedIn;
  let parent: SignedIn;
  const startMs = Date.UTC(2026, 11, 3, 9, 0, 0);
  const at = (seconds: number) => new Date(startMs + seconds * 1000).toISOString();

  beforeAll(async () => {
    test = await createTestApp();
    const seeded = await seedArea(test.platform.db);
    cameraA = await insertCamera(test.platform.db, seeded.areaId, { name: 'A' });
    cameraB = await insertCamera(test.platform.db, seeded.areaId, { name: 'B' });
    const { kindergartenId } = seeded;
    await createUser(test.platform, {
      role: 'security_officer',
      username: 'officer',
      kindergartenId,
    });
    await createUser(test.platform, { role: 'parent', username: 'parent', kindergartenId });
    [officer, parent] = await Promise.all([
      signIn(test.app, 'officer'),
      signIn(test.app, 'parent'),
    ]);
    const recording = test.services.recording;
    // Camera A: 0–8 s and 12–24 s (away 8–12 s); camera B: 0–24 s.
    await recordFootage({ recording, cameraId: cameraA, startMs, segments: 6, skip: [2] });
    await recordFootage({ recording, cameraId: cameraB, startMs, segments: 6 });
    const gap = await recording.repo.openGap(cameraA, new Date(at(8)), 'stream_stalled', null);
    await recording.repo.closeGap(gap.id, new Date(at(12)));
  });

  afterAll(async () => {
    await test?.close();
  });

  const create = (payload: Record<string, unknown>, user = officer) =>
    test.app.inject({ method: 'POST', url: '/api/exports', headers: user.headers, payload });
  const dirOf = (id: string) => path.join(test.dataDir, 'exports', id);

  let exported: VideoExport;

  it('exports two cameras across a gap: files, gaps, hashes, holds and an audit row', async () => {
    const response = await create({
      cameraIds: [cameraA, cameraB],
      from: at(2),
      to: at(22),
      reason: 'Case 2026-114: incident at the corridor',
    });

    expect(response.statusCode).toBe(201);
    exported = response.json<VideoExport>();
    const { manifest } = exported;
    expect(manifest.files.map((f) => [f.cameraId, f.from, f.to])).toEqual([
      [cameraA, at(2), at(8)],
      [cameraA, at(12), at(22)],
      [cameraB, at(2), at(22)],
    ]);
    expect(manifest.gaps).toEqual([
      { cameraId: cameraA, from: at(8), to: at(12), cause: 'stream_stalled' },
    ]);
    expect(manifest.exportedBy.username).toBe('officer');
    expect(manifest.signature.algorithm).toBe('Ed25519');

    const durations = await Promise.all(
      manifest.files.map((f) => probe(path.join(dirOf(exported.id), f.name))),
    );
    // A stream copy starts at the key frame before the range (one per second here).
    expect(durations[0]!.duration).toBeGreaterThanOrEqual(6);
    expect(durations[0]!.duration).toBeLessThan(7.1);
    expect(durations[2]!.duration).toBeGreaterThanOrEqual(20);
    expect(durations[2]!.duration).toBeLessThan(21.1);

    const holds = await test.services.recording.holds.active(cameraA);
    expect(holds).toMatchObject([{ owner: `export:${exported.id}`, from: new Date(at(2)) }]);
    const audit = await test.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'video.export')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ resource_id: exported.id, purpose: manifest.reason });
  });

  it('verifies with the CLI (exit 0), and fails (exit 1) once a file or the manifest changes', async () => {
    const dir = dirOf(exported.id);
    expect((await verifyCli(dir)).code).toBe(0);

    const file = path.join(dir, exported.manifest.files[1]!.name);
    const original = await readFile(file);
    const changed = Buffer.from(original);
    changed[changed.length - 100] = (changed[changed.length - 100]! + 1) % 256;
    await writeFile(file, changed);
    const tampered = await verifyCli(dir);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('does not match its SHA-256');
    await writeFile(file, original);

    const manifestFile = path.join(dir, MANIFEST_FILE);
    const text = await readFile(manifestFile, 'utf8');
    await writeFile(manifestFile, text.replace('Case 2026-114', 'Case 2026-999'));
    const forged = await verifyCli(dir);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('signature does not match');
    await writeFile(manifestFile, text);
    expect((await verifyCli(dir)).code).toBe(0);
  });

  it('lets the author download a file, audited; a parent is refused', async () => {
    const name = exported.manifest.files[0]!.name;
    const url = `/api/exports/${exported.id}/files/${name}`;
    const file = await test.app.inject({ url, headers: { cookie: officer.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.length).toBe(exported.manifest.files[0]!.bytes);

    const refused = await test.app.inject({ url, headers: { cookie: parent.cookie } });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses bad input naming the field, a parent with 403, and a range without footage with 404', async () => {
    const long = await create({
      cameraIds: [cameraA],
      from: at(0),
      to: at(3 * 3600),
      reason: 'too long',
    });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('body.to');
    const noReason = await create({ cameraIds: [cameraA], from: at(0), to: at(5), reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('body.reason');

    const denied = await create(
      { cameraIds: [cameraA], from: at(0), to: at(5), reason: 'curious' },
      parent,
    );
    expect(denied.statusCode).toBe(403);

    const empty = await create({
      cameraIds: [cameraA],
      from: at(-600),
      to: at(-300),
      reason: 'nothing there',
    });
    expect(empty.statusCode).toBe(404);
    expect(empty.json()).toMatchObject({
      details: { available: [{ cameraId: cameraA, available: { from: at(0), to: at(24) } }] },
    });
    const count = await test.platform.db
      .selectFrom('video_exports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });
});
