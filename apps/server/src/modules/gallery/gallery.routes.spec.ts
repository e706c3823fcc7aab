import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GalleryEntry } from '@gardenwatch/contracts';
import { sharedMediaDir } from '@gardenwatch/vision/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  seedTestOrg,
  signIn,
  type SignedIn,
  type TestOrg,
} from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-platform.ts';
import { actor, teacher } from '../staff/staff.fixtures.ts';

const media = sharedMediaDir();
const photo = (file: string) =>
  readFileSync(path.join(media ?? '', 'faces', file)).toString('base64');
const lisa = (n: number) => photo(`identities/wmr_lisa/lisa${n}.jpg`);
/** A test pattern as PNG: a picture with no face in it. */
const pattern = () =>
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=640x360', '-frames:v', '1'],
    ...['-c:v', 'png', '-f', 'image2', 'pipe:1'],
  ]).toString('base64');

/** Enrolment through HTTP with the real face models and the media kit's photos. */
describe.skipIf(!media)('face gallery over HTTP', () => {
  let t: TestApp;
  let org: TestOrg;
  let principal: SignedIn;
  let officer: SignedIn;
  let staffId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await seedTestOrg(t.platform);
    const kg = { kindergartenId: org.kindergartenId };
    await createUser(t.platform, { role: 'principal', username: 'p1', ...kg });
    await createUser(t.platform, { role: 'security_officer', username: 'o1', ...kg });
    principal = await signIn(t.app, 'p1');
    officer = await signIn(t.app, 'o1');
    const head = actor('principal', { districtId: org.districtId, ...kg });
    staffId = (await t.services.staff.staff.create(head, teacher(org.kindergartenId))).id;
  }, 60_000);
  afterAll(async () => t.close());

  const enrol = (who: SignedIn, photos: string[], subjectId = staffId) =>
    t.app.inject({
      method: 'POST',
      url: '/api/gallery',
      headers: who.headers,
      payload: { gallery: 'staff', kindergartenId: org.kindergartenId, subjectId, photos },
    });
  const entries = async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: `/api/gallery?gallery=staff&kindergartenId=${org.kindergartenId}`,
      headers: principal.headers,
    });
    return r.json<{ items: GalleryEntry[] }>().items;
  };
  const fault = (body: string) =>
    JSON.parse(body) as { details?: { fields?: { field: string }[] }; message: string };

  it('refuses a photo with several faces or none, naming the photo and the reason', async () => {
    const several = await enrol(principal, [lisa(1), photo('group/faceapi_sample1.jpg'), lisa(2)]);
    expect(several.statusCode).toBe(400);
    expect(fault(several.body).message).toMatch(/Photo 2: \d+ faces found, exactly one/);
    expect(fault(several.body).details).toMatchObject({
      fields: [{ field: 'photos[1]' }],
      reason: 'VISION_ENROL_SEVERAL_FACES',
      photo: 2,
    });

    const none = await enrol(principal, [lisa(1), lisa(2), pattern()]);
    expect(fault(none.body).message).toBe('Photo 3: no face found');
    expect(fault(none.body).details?.fields?.[0]?.field).toBe('photos[2]');
    const notAPicture = await enrol(principal, [
      lisa(1),
      lisa(2),
      Buffer.from('hello').toString('base64'),
    ]);
    expect(fault(notAPicture.body).message).toMatch(/Photo 3: not a picture/);
    const tooFew = await enrol(principal, [lisa(1), lisa(2)]);
    expect(fault(tooFew.body).message).toMatch(/at least 3 photos/);
    expect(await entries()).toEqual([]);
  }, 120_000);

  it('enrols staff from three photos, audited; only the principal may; removal is audited', async () => {
    expect((await enrol(officer, [lisa(1), lisa(2), lisa(3)])).statusCode).toBe(403);
    const created = await enrol(principal, [lisa(1), lisa(2), lisa(3)]);
    expect(created.statusCode).toBe(201);
    const { entry } = created.json<{ entry: GalleryEntry }>();
    expect(entry).toMatchObject({ gallery: 'staff', subjectId: staffId, photoCount: 3 });
    expect(await entries()).toHaveLength(1);

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/gallery/${entry.id}`,
      headers: principal.headers,
    });
    expect(removed.statusCode).toBe(200);
    expect(await entries()).toEqual([]);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('action', 'like', '%gallery%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['gallery.enrol', 'gallery.remove']);
    const row = await t.platform.db.selectFrom('face_gallery').selectAll().executeTakeFirst();
    expect(row?.descriptors_sealed).not.toMatch(/\d\.\d{4}/);
  }, 120_000);
});
