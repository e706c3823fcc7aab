import {
  describeAdultFaces,
  type FaceDetector,
  type Frame,
  type RuleContext,
  type TrackedPerson,
} from '@gardenwatch/vision';
import type { Db } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import type { RaiseInput } from '../alerts/alert-raise.ts';
import type { GateGalleries } from '../gallery/gallery.service.ts';

/** A track's face is looked for at most this many times (the head may be turned away). */
const ATTEMPTS_PER_TRACK = 5;

export interface GateFacesDeps {
  cameraId: string;
  kindergartenId: string;
  faces: FaceDetector;
  galleries: (kindergartenId: string) => Promise<GateGalleries>;
  context: RuleContext;
  timeZone: string;
  db: Db;
  logger: Logger;
  raise: (input: RaiseInput) => Promise<unknown>;
}

/**
 * Faces at a gate or entrance: each adult track's face (never a child's: the vision package
 * describes only people estimated adult) is matched once against the city's restricted gallery
 * and the kindergarten's staff. A barred person raises a severe alert; known staff are recorded
 * present for the day; an unknown adult raises an alert outside opening hours (loitering by
 * day is the gate-loitering rule's).
 */
export class GateFaces {
  private readonly attempts = new Map<number, number>();

  constructor(private readonly deps: GateFacesDeps) {}

  async check(frame: Frame, people: readonly TrackedPerson[]): Promise<void> {
    const pending = people.filter((p) => (this.attempts.get(p.trackId) ?? 0) < ATTEMPTS_PER_TRACK);
    if (pending.length === 0) return;
    for (const p of pending) this.attempts.set(p.trackId, (this.attempts.get(p.trackId) ?? 0) + 1);

    const described = await describeAdultFaces(this.deps.faces, frame, people);
    if (!described.ok) return;
    const galleries = await this.deps.galleries(this.deps.kindergartenId);
    for (const { trackId, face } of described.value) {
      if (!face.embedding || !pending.some((p) => p.trackId === trackId)) continue;
      this.attempts.set(trackId, ATTEMPTS_PER_TRACK);
      await this.outcome(galleries, face.embedding, frame.timestampMs);
    }
  }

  private async outcome(galleries: GateGalleries, embedding: number[], atMs: number) {
    const { cameraId } = this.deps;
    const barred = galleries.restricted.match(embedding);
    if (barred) {
      await this.deps.raise({
        rule: 'blacklisted-face',
        cameraId,
        at: new Date(atMs),
        evidence: { similarity: round(barred.similarity) },
      });
      return;
    }
    const staff = galleries.staff.match(embedding);
    if (staff) return this.present(staff.personId, atMs);
    if (!this.deps.context.isOpen(atMs)) {
      await this.deps.raise({ rule: 'unknown-adult', cameraId, at: new Date(atMs) });
    }
  }

  private async present(staffId: string, atMs: number): Promise<void> {
    const at = new Date(atMs);
    await this.deps.db
      .insertInto('face_attendance')
      .values({
        kindergarten_id: this.deps.kindergartenId,
        staff_id: staffId,
        camera_id: this.deps.cameraId,
        // The kindergarten's calendar day (en-CA formats as YYYY-MM-DD).
        day: new Intl.DateTimeFormat('en-CA', { timeZone: this.deps.timeZone }).format(at),
        first_seen_at: at,
      })
      .onConflict((oc) => oc.columns(['staff_id', 'day']).doNothing())
      .execute();
    this.deps.logger.info({ cameraId: this.deps.cameraId, staffId }, 'analysis.staff.present');
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;
