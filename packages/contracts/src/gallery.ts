import { z } from 'zod';
import { defineRoute } from './route.ts';

/**
 * Faces recognised at gates: a kindergarten's enrolled staff, and the city's restricted
 * gallery of barred persons. An entry holds ids and sealed descriptors; never a photo or name.
 */
export const galleryKindSchema = z.enum(['staff', 'restricted']);
export type GalleryKind = z.infer<typeof galleryKindSchema>;

export const galleryEntrySchema = z.object({
  id: z.uuid(),
  gallery: galleryKindSchema,
  /** The staff member's kindergarten; null in the restricted gallery. */
  kindergartenId: z.uuid().nullable(),
  /** The staff record, or the blacklist entry. */
  subjectId: z.uuid(),
  photoCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type GalleryEntry = z.infer<typeof galleryEntrySchema>;

/** At most 10 photos of at most 2 MB each, as base64 JPEG or PNG. */
export const MAX_ENROL_PHOTOS = 10;
export const MAX_ENROL_PHOTO_BYTES = 2 * 1024 * 1024;

export const enrolBodySchema = z
  .object({
    gallery: galleryKindSchema,
    kindergartenId: z.uuid().optional(),
    subjectId: z.uuid(),
    photos: z
      .array(z.base64().max(Math.ceil((MAX_ENROL_PHOTO_BYTES * 4) / 3) + 4, 'photo over 2 MB'))
      .min(1)
      .max(MAX_ENROL_PHOTOS),
  })
  .refine((b) => b.gallery === 'restricted' || b.kindergartenId !== undefined, {
    message: 'a staff enrolment names its kindergarten',
    path: ['kindergartenId'],
  });
export type EnrolBody = z.infer<typeof enrolBodySchema>;

const t = ['gallery'];

export const galleryRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/gallery',
    summary: 'Gallery entries the caller may manage',
    tags: t,
    query: z.object({ gallery: galleryKindSchema, kindergartenId: z.uuid().optional() }),
    response: z.object({ items: z.array(galleryEntrySchema) }),
  }),
  enrol: defineRoute({
    method: 'POST',
    path: '/api/gallery',
    summary: 'Enrol a face from 3 or more photos, each with exactly one clear face (audited)',
    tags: t,
    body: enrolBodySchema,
    response: z.object({ entry: galleryEntrySchema }),
    status: 201,
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/gallery/:id',
    summary: 'Remove a gallery entry (audited)',
    tags: t,
    params: z.object({ id: z.uuid() }),
    response: z.object({ ok: z.literal(true) }),
  }),
};
