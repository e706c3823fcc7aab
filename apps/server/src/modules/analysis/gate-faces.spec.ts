import path from 'node:path';
import {
  enrolFromPhotos,
  FaceGallery,
  InferencePool,
  type Frame,
  type TrackedPerson,
} from '@gardenwatch/vision';
import { decodeImage, sharedMediaDir } from '@gardenwatch/vision/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertsKit, type AlertsKit } from '../alerts/alerts.test-kit.ts';
import { actor } from '../staff/staff.fixtures.ts';
import { GateFaces } from './gate-faces.ts';
import { ruleContext } from './opening-hours.ts';

const media = sharedMediaDir();
const photo = (file: string): Frame => decodeImage(path.join(media ?? '', 'faces', file));
/** A portrait as one tracked adult whose head region covers the face. */
const adultIn = (frame: Frame, trackId: number): TrackedPerson => ({
  trackId,
  box: { x: 0, y: 0, width: frame.width, height: frame.height * 2 },
  pose: [],
  age: { ageClass: 'adult', childProbability: 0.1, confidence: 0.9, quality: 1 },
});

/** Real face models and photos of the media kit; a real database for alerts and attendance. */
describe.skipIf(!media)('faces at a gate', () => {
  let kit: AlertsKit;
  let pool: InferencePool;
  let enrolled: number[][];
  const lisa4 = () => photo('identities/wmr_lisa/lisa4.jpg');

  beforeAll(async () => {
    kit = await createAlertsKit('pglite');
    pool = await InferencePool.start({ size: 1 });
    const photos = [1, 2, 3].map((n) => photo(`identities/wmr_lisa/lisa${n}.jpg`));
    const result = await enrolFromPhotos(pool, photos);
    if (!result.ok) throw result.error;
    enrolled = result.value;
  }, 120_000);
  afterAll(async () => {
    await pool.close();
    await kit.close();
  });

  const gate = (galleries: { staff: FaceGallery; restricted: FaceGallery }, open: boolean) => {
    const context = ruleContext('Asia/Shanghai');
    return new GateFaces({
      cameraId: kit.cameraId,
      kindergartenId: kit.area.kindergartenId,
      faces: pool,
      galleries: () => Promise.resolve(galleries),
      context: { ...context, isOpen: () => open },
      timeZone: 'Asia/Shanghai',
      db: kit.test.platform.db,
      logger: kit.test.platform.logger,
      raise: (input) => kit.s.alerts.raise(input),
    });
  };
  const alertsOf = async () =>
    (await kit.s.alerts.list(actor('city_admin'), { limit: 50 })).map((a) => a.rule);

  it('records enrolled staff present once a day, and raises nothing', async () => {
    const staff = new FaceGallery();
    staff.set({ personId: crypto.randomUUID(), embeddings: enrolled });
    const faces = gate({ staff, restricted: new FaceGallery() }, false);
    await faces.check(lisa4(), [adultIn(lisa4(), 1)]);
    await faces.check(lisa4(), [adultIn(lisa4(), 2)]);

    const rows = await kit.test.platform.db.selectFrom('face_attendance').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(await alertsOf()).toEqual([]);
  }, 60_000);

  it('raises a severe alert for a barred person, and an unknown adult only after hours', async () => {
    const restricted = new FaceGallery();
    restricted.set({ personId: 'barred', embeddings: enrolled });
    await gate({ staff: new FaceGallery(), restricted }, true).check(lisa4(), [
      adultIn(lisa4(), 1),
    ]);
    const stranger = photo('identities/london_001/neutral.jpg');
    const empty = { staff: new FaceGallery(), restricted: new FaceGallery() };
    await gate(empty, true).check(stranger, [adultIn(stranger, 1)]);
    expect(await alertsOf()).toEqual(['blacklisted-face']);

    await gate(empty, false).check(stranger, [adultIn(stranger, 1)]);
    expect((await alertsOf()).sort()).toEqual(['blacklisted-face', 'unknown-adult']);
    const [severe] = await kit.s.alerts.list(actor('city_admin'), { limit: 1, severity: 'severe' });
    expect(severe?.rule).toBe('blacklisted-face');
  }, 60_000);

  it('never looks at the face of a child', async () => {
    const child = {
      ...adultIn(lisa4(), 7),
      age: { ...adultIn(lisa4(), 7).age, ageClass: 'child' as const },
    };
    const restricted = new FaceGallery();
    restricted.set({ personId: 'barred', embeddings: enrolled });
    const before = await alertsOf();
    await gate({ staff: new FaceGallery(), restricted }, false).check(lisa4(), [child]);
    expect(await alertsOf()).toEqual(before);
  }, 60_000);
});
