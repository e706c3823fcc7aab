import {
  can,
  type EnrolBody,
  type GalleryEntry,
  type GalleryKind,
  type Resource,
} from '@gardenwatch/contracts';
import {
  embeddingSchema,
  enrolFromPhotos,
  FaceGallery,
  InferencePool,
  type FaceDetector,
  type Frame,
} from '@gardenwatch/vision';
import { z } from 'zod';
import type { Platform } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { FaceGalleryTable } from '../../platform/db/schema.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditActorOf } from '../identity/identity.service.ts';
import { kindergartenResource, type StaffContext } from '../staff/staff-access.ts';
import type { StaffServices } from '../staff/staff.services.ts';
import { decodePhoto } from './photo-decode.ts';

export interface GalleryDeps {
  platform: Platform;
  audit: AuditService;
  staff: StaffServices;
  tools: () => FfmpegTools;
  /** Face detection and description; a one-worker pool started on first use by default. */
  faces?: FaceDetector;
}

const CITY: Resource = { kind: 'city' };

export interface GateGalleries {
  staff: FaceGallery;
  restricted: FaceGallery;
}

/**
 * The faces recognised at gates. Staff are enrolled by their principal, barred persons by the
 * city administrator; each enrolment needs three or more photos with one clear face each.
 * Descriptors are sealed at rest; every change is audited.
 */
export class GalleryService {
  private pool: Promise<InferencePool> | undefined;
  private readonly cache = new Map<string, { galleries: GateGalleries; until: number }>();

  constructor(private readonly deps: GalleryDeps) {}

  async list(
    ctx: StaffContext,
    query: { gallery: GalleryKind; kindergartenId?: string | undefined },
  ): Promise<GalleryEntry[]> {
    if (query.gallery === 'restricted') {
      if (!can(ctx.actor, 'blacklist.manage', CITY)) throw forbidden();
    } else {
      const kindergartenId = query.kindergartenId ?? ctx.actor.kindergartenId ?? '';
      await this.kindergartenAllowed(ctx, kindergartenId);
    }
    let q = this.deps.platform.db
      .selectFrom('face_gallery')
      .selectAll()
      .where('gallery', '=', query.gallery)
      .where('removed_at', 'is', null);
    if (query.gallery === 'staff')
      q = q.where('kindergarten_id', '=', query.kindergartenId ?? ctx.actor.kindergartenId ?? '');
    const rows = await q.orderBy('created_at', 'desc').execute();
    return rows.map(toEntry);
  }

  async enrol(ctx: StaffContext, body: EnrolBody): Promise<GalleryEntry> {
    const kindergartenId = await this.checkSubject(ctx, body);
    const frames = await this.decode(body.photos);
    const enrolled = await enrolFromPhotos(await this.faces(), frames);
    if (!enrolled.ok)
      throw refusal(enrolled.error.message, enrolled.error.field, enrolled.error.code);

    const { db, secrets, now } = this.deps.platform;
    const row = await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('face_gallery')
        .values({
          gallery: body.gallery,
          kindergarten_id: kindergartenId,
          subject_id: body.subjectId,
          descriptors_sealed: secrets.encrypt(JSON.stringify(enrolled.value)),
          photo_count: frames.length,
          created_by: ctx.actor.id,
          created_at: now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await this.audited(ctx, 'gallery.enrol', inserted, tx);
      return inserted;
    });
    return toEntry(row);
  }

  async remove(ctx: StaffContext, id: string): Promise<void> {
    const { db, now } = this.deps.platform;
    await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('face_gallery')
        .selectAll()
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst();
      if (!row || !this.mayManage(ctx, row)) throw notFound('gallery entry', id);
      await tx
        .updateTable('face_gallery')
        .set({ removed_at: now(), removed_by: ctx.actor.id })
        .where('id', '=', id)
        .execute();
      await this.audited(ctx, 'gallery.remove', row, tx);
    });
  }

  /** The galleries matched at a kindergarten's gates, read again after a minute. */
  async galleriesFor(kindergartenId: string): Promise<GateGalleries> {
    const cached = this.cache.get(kindergartenId);
    if (cached && cached.until > Date.now()) return cached.galleries;

    const rows = await this.deps.platform.db
      .selectFrom('face_gallery')
      .select(['gallery', 'subject_id', 'descriptors_sealed'])
      .where('removed_at', 'is', null)
      .where((eb) =>
        eb.or([eb('gallery', '=', 'restricted'), eb('kindergarten_id', '=', kindergartenId)]),
      )
      .execute();
    const galleries = { staff: new FaceGallery(), restricted: new FaceGallery() };
    for (const row of rows) {
      const sealed = this.deps.platform.secrets.decrypt(row.descriptors_sealed);
      const embeddings = z.array(embeddingSchema).parse(JSON.parse(sealed));
      galleries[row.gallery].set({ personId: row.subject_id, embeddings });
    }
    this.cache.set(kindergartenId, { galleries, until: Date.now() + 60_000 });
    return galleries;
  }

  async stop(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    if (pool) await (await pool).close();
  }

  private async faces(): Promise<FaceDetector> {
    if (this.deps.faces) return this.deps.faces;
    this.pool ??= InferencePool.start({ size: 1 });
    return this.pool;
  }

  private async decode(photos: string[]): Promise<Frame[]> {
    const frames: Frame[] = [];
    for (const [index, photo] of photos.entries()) {
      const frame = await decodePhoto(this.deps.tools(), Buffer.from(photo, 'base64'));
      if (!frame) {
        const message = `Photo ${index + 1}: not a picture that can be read (JPEG or PNG)`;
        throw refusal(message, `photos[${index}]`, 'NOT_A_PICTURE');
      }
      frames.push(frame);
    }
    return frames;
  }

  /** The subject must exist where the actor may manage it; returns the staff kindergarten. */
  private async checkSubject(ctx: StaffContext, body: EnrolBody): Promise<string | null> {
    if (body.gallery === 'restricted') {
      if (!can(ctx.actor, 'blacklist.manage', CITY)) throw forbidden();
      await this.deps.staff.blacklist.get(ctx, body.subjectId);
      return null;
    }
    const kindergartenId = body.kindergartenId ?? '';
    await this.kindergartenAllowed(ctx, kindergartenId);
    const member = await this.deps.staff.staff.get(ctx, body.subjectId);
    if (member.kindergartenId !== kindergartenId) throw notFound('staff', body.subjectId);
    return kindergartenId;
  }

  /** Staff faces are the principal's to manage (a refusal is audited). */
  private async kindergartenAllowed(ctx: StaffContext, kindergartenId: string): Promise<void> {
    const { access } = this.deps.staff;
    const kg = await access.kindergarten(kindergartenId);
    await access.require(ctx, 'staff.manage', kindergartenResource(kg), kindergartenId);
  }

  private mayManage(ctx: StaffContext, row: { gallery: string; kindergarten_id: string | null }) {
    if (row.gallery === 'restricted') return can(ctx.actor, 'blacklist.manage', CITY);
    return ctx.actor.role === 'principal' && ctx.actor.kindergartenId === row.kindergarten_id;
  }

  private async audited(
    ctx: StaffContext,
    action: string,
    row: { id: string; gallery: string; subject_id: string; kindergarten_id: string | null },
    tx: Parameters<AuditService['record']>[1],
  ): Promise<void> {
    await this.deps.audit.record(
      {
        actor: auditActorOf(ctx.actor),
        action,
        resourceType: 'face_gallery',
        resourceId: row.id,
        outcome: 'succeeded',
        requestId: ctx.requestId ?? null,
        ip: ctx.ip ?? null,
        details: {
          gallery: row.gallery,
          subjectId: row.subject_id,
          kindergartenId: row.kindergarten_id,
        },
      },
      tx,
    );
  }
}

/**
 * A refused enrolment: the message names the photo and the reason; `details.reason` (a code
 * such as `VISION_ENROL_SEVERAL_FACES`) and `details.photo` (from 1) let the console say it in
 * the user's language.
 */
function refusal(message: string, field: string | undefined, reason: string): AppError {
  const photo = /^photos\[(\d+)\]$/.exec(field ?? '')?.[1];
  return new AppError('VALIDATION_FAILED', message, {
    details: {
      fields: [{ field: field ?? 'photos', message }],
      reason,
      ...(photo !== undefined && { photo: Number(photo) + 1 }),
    },
  });
}

function toEntry(row: {
  id: string;
  gallery: FaceGalleryTable['gallery'];
  kindergarten_id: string | null;
  subject_id: string;
  photo_count: number;
  created_at: Date;
}): GalleryEntry {
  return {
    id: row.id,
    gallery: row.gallery,
    kindergartenId: row.kindergarten_id,
    subjectId: row.subject_id,
    photoCount: row.photo_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
