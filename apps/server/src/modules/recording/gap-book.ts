import { recordingSubjects, type Gap, type GapCause } from '@gardenwatch/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { Logger } from '../../platform/logger.ts';
import type { RecordingRepository } from './recording.repository.ts';

export interface GapBookDeps {
  repo: RecordingRepository;
  bus: Bus;
  logger: Logger;
  now: () => Date;
}

/**
 * The record of intervals without footage. At most one gap per camera is open; a new cause
 * closes it and opens the next, so each stretch carries the cause that held during it.
 */
export class GapBook {
  private readonly open = new Map<string, Gap | null>();

  constructor(private readonly deps: GapBookDeps) {}

  /**
   * At recorder start: a gap left open by a killed server stays open (its cause is the last
   * one known); otherwise the time since the last indexed segment is booked as server_down.
   */
  async resume(cameraId: string): Promise<void> {
    const left = await this.deps.repo.findOpenGap(cameraId);
    this.open.set(cameraId, left);
    if (left) return;

    const lastEnd = await this.deps.repo.lastSegmentEnd(cameraId);
    if (lastEnd) await this.begin(cameraId, lastEnd, 'server_down', 'the server was not recording');
  }

  async openGap(cameraId: string, cause: GapCause, detail: string): Promise<void> {
    const current = await this.current(cameraId);
    if (current?.cause === cause) return;

    const now = this.deps.now();
    if (current) {
      await this.close(cameraId, now);
      await this.begin(cameraId, now, cause, detail);
      return;
    }
    const lastEnd = await this.deps.repo.lastSegmentEnd(cameraId);
    await this.begin(cameraId, lastEnd && lastEnd < now ? lastEnd : now, cause, detail);
  }

  async close(cameraId: string, to: Date): Promise<void> {
    const current = await this.current(cameraId);
    if (!current) return;

    const closed = await this.deps.repo.closeGap(current.id, to);
    this.open.set(cameraId, null);
    if (!closed?.to) return;
    this.deps.logger.info(
      { cameraId, gapId: closed.id, cause: closed.cause },
      'recording.gap.closed',
    );
    await this.deps.bus.publish(recordingSubjects.gapClosed, {
      cameraId,
      gapId: closed.id,
      from: closed.from,
      to: closed.to,
      cause: closed.cause,
    });
  }

  private async current(cameraId: string): Promise<Gap | null> {
    if (!this.open.has(cameraId))
      this.open.set(cameraId, await this.deps.repo.findOpenGap(cameraId));
    return this.open.get(cameraId) ?? null;
  }

  private async begin(
    cameraId: string,
    from: Date,
    cause: GapCause,
    detail: string,
  ): Promise<void> {
    const gap = await this.deps.repo.openGap(cameraId, from, cause, detail);
    this.open.set(cameraId, gap);
    this.deps.logger.warn({ cameraId, gapId: gap.id, cause }, 'recording.gap.opened');
    await this.deps.bus.publish(recordingSubjects.gapOpened, {
      cameraId,
      gapId: gap.id,
      from: gap.from,
      cause,
    });
  }
}
