import { recordingSubjects } from '@gardenwatch/contracts';
import type { Bus } from '../../platform/bus.ts';
import type { NewSegment, RecordingRepository, StoredSegment } from './recording.repository.ts';

interface Pending {
  segment: NewSegment;
  resolve: (stored: StoredSegment | null) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes closed segments to the index in batches: one multi-row insert per `flushMs` for
 * every camera instead of one statement per segment, which keeps the recorder's own CPU
 * close to bare ffmpeg's. A crash between a rename and its flush loses no footage: the file
 * is on disk in its dated folder and reconciliation indexes it at the next start.
 */
export class SegmentIndexWriter {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: { repo: RecordingRepository; bus: Bus; flushMs: number }) {}

  /** Resolves once the segment is indexed (null when its path was indexed already). */
  add(segment: NewSegment): Promise<StoredSegment | null> {
    return new Promise((resolve, reject) => {
      this.pending.push({ segment, resolve, reject });
      this.timer ??= setTimeout(() => void this.flush(), this.deps.flushMs);
    });
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;

    let stored: StoredSegment[];
    try {
      stored = await this.deps.repo.insertSegments(batch.map((item) => item.segment));
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    const byPath = new Map(stored.map((segment) => [segment.path, segment]));
    for (const item of batch) {
      const segment = byPath.get(item.segment.path) ?? null;
      if (segment) await this.deps.bus.publish(recordingSubjects.segmentClosed, segment);
      item.resolve(segment);
    }
  }
}
