import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAdultFaces } from './adult-faces.ts';
import { enrolFromPhotos, type FaceDetector } from './face-enrolment.ts';
import { FaceGallery } from './face-gallery.ts';
import type { Frame } from './frame.ts';
import { InferencePool } from './inference-pool.ts';
import { PeopleAnalyser, type TrackedPerson } from './people-analyser.ts';
import { MEDIA_MISSING_REASON, decodeClip, decodeImage, sharedMediaDir } from './testing/media.ts';
import type { Box } from './types.ts';

const media = sharedMediaDir();
const photo = (file: string): Frame => decodeImage(path.join(media!, 'faces', file));

/** The real pool, counting what it is asked to describe. */
function counting(pool: InferencePool): FaceDetector & { regions: Box[][] } {
  const regions: Box[][] = [];
  return {
    regions,
    detectFaces: (frame, options) => {
      regions.push(options.regions ?? []);
      return pool.detectFaces(frame, options);
    },
  };
}

describe.skipIf(!media)(
  `Face enrolment and matching on real photos (${MEDIA_MISSING_REASON})`,
  () => {
    let pool: InferencePool;
    beforeAll(async () => {
      pool = await InferencePool.start({ size: 1 });
    });
    afterAll(() => pool.close());

    it('enrols from three photos and recognises a fourth, not a stranger', async () => {
      const lisa = ['lisa1', 'lisa2', 'lisa3'].map((n) => photo(`identities/wmr_lisa/${n}.jpg`));
      const enrolled = await enrolFromPhotos(pool, lisa);
      expect(enrolled.ok).toBe(true);
      if (!enrolled.ok) return;
      expect(enrolled.value).toHaveLength(3);

      const gallery = new FaceGallery();
      gallery.set({ personId: 'staff-1', embeddings: enrolled.value });
      const probe = async (file: string): Promise<string | undefined> => {
        const faces = await pool.detectFaces(photo(file), { describe: true });
        if (!faces.ok || !faces.value[0]?.embedding) throw new Error(`no face in ${file}`);
        return gallery.match(faces.value[0].embedding)?.personId;
      };
      expect(await probe('identities/wmr_lisa/lisa4.jpg')).toBe('staff-1');
      expect(await probe('identities/london_001/neutral.jpg')).toBeUndefined();
    });

    it('refuses a photo with several faces, naming the photo', async () => {
      const photos = [
        photo('identities/wmr_lisa/lisa1.jpg'),
        photo('group/faceapi_sample1.jpg'),
        photo('identities/wmr_lisa/lisa2.jpg'),
      ];
      const result = await enrolFromPhotos(pool, photos);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VISION_ENROL_SEVERAL_FACES');
      expect(result.error.field).toBe('photos[1]');
    });

    it('refuses a photo without a face, and fewer than three photos', async () => {
      const [pattern] = decodeClip(path.join(media!, 'video/synthetic_testsrc2_control.mp4'), {
        fps: 1,
        count: 1,
      });
      const lisa = photo('identities/wmr_lisa/lisa1.jpg');
      const noFace = await enrolFromPhotos(pool, [pattern!, lisa, lisa]);
      expect(noFace.ok ? 'ok' : noFace.error.code).toBe('VISION_ENROL_NO_FACE');
      const tooFew = await enrolFromPhotos(pool, [lisa, lisa]);
      expect(tooFew.ok ? 'ok' : tooFew.error.code).toBe('VISION_ENROL_TOO_FEW_PHOTOS');
    });

    it('describes the faces of tracked adults and never sends anyone else to the face models', async () => {
      const clip = path.join(media!, 'video/intel_face_demographics_walking_loop2.mp4');
      const frames = decodeClip(clip, { fps: 2, startS: 1, count: 3 });
      const analyser = new PeopleAnalyser();
      let people: TrackedPerson[] = [];
      for (const frame of frames) {
        const found = await pool.detectPeople(frame);
        if (!found.ok) throw found.error;
        people = analyser.update(found.value, frame.timestampMs);
      }
      const detector = counting(pool);
      const adults = await describeAdultFaces(detector, frames.at(-1)!, people);
      expect(adults.ok).toBe(true);
      const adultTracks = people.filter(
        (p) => p.age.ageClass === 'adult' && p.age.confidence >= 0.5,
      );
      expect(adultTracks.length).toBeGreaterThan(0);
      expect(detector.regions).toHaveLength(adultTracks.length);

      const asChildren = people.map((p) => ({
        ...p,
        age: { ...p.age, ageClass: 'child' as const },
      }));
      const none = counting(pool);
      const result = await describeAdultFaces(none, frames.at(-1)!, asChildren);
      expect(result).toEqual({ ok: true, value: [] });
      expect(none.regions).toHaveLength(0);
    });
  },
);
