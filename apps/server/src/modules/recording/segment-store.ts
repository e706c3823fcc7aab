import { recordingSubjects } from '@gardenwatch/contracts';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Bus } from '../../platform/bus.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import { checkTsSegment, probeSegmentFile } from './segment-files.ts';
import { incomingDirOf, segmentRelativePath } from './segment-paths.ts';
import type { RecordingRepository, StoredSegment } from './recording.repository.ts';

export interface ClosedSegment {
  cameraId: string;
  /** The file in the camera's incoming folder. */
  file: string;
  startMs: number;
  endMs: number;
  codec: string;
}

export interface SegmentStoreDeps {
  mediaDir: string;
  repo: RecordingRepository;
  bus: Bus;
  logger: Logger;
  tools: () => FfmpegTools;
}

/** Files closed segments into their dated folder and the index. */
export class SegmentStore {
  constructor(private readonly deps: SegmentStoreDeps) {}

  get mediaDir(): string {
    return this.deps.mediaDir;
  }

  /** Checks, files and indexes a closed segment; null when the file fails the check. */
  async index(segment: ClosedSegment): Promise<StoredSegment | null> {
    const { cameraId, file } = segment;
    const check = await checkTsSegment(file);
    if (!check.ok) {
      this.deps.logger.warn({ cameraId, bytes: check.bytes }, 'recording.segment.rejected');
      await unlink(file).catch(() => undefined);
      return null;
    }

    // Two runs may start a segment in the same millisecond; a file is never overwritten.
    let startMs = segment.startMs;
    while (await exists(path.join(this.deps.mediaDir, segmentRelativePath(cameraId, startMs)))) {
      startMs += 1;
    }
    const relative = segmentRelativePath(cameraId, startMs);
    const target = path.join(this.deps.mediaDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(file, target);
    const stored = await this.deps.repo.insertSegment({
      cameraId,
      startedAt: new Date(startMs),
      endedAt: new Date(Math.max(segment.endMs, startMs)),
      bytes: check.bytes,
      codec: segment.codec,
      path: relative,
    });
    if (stored) await this.deps.bus.publish(recordingSubjects.segmentClosed, stored);
    return stored;
  }

  /**
   * Indexes what a stopped or killed ffmpeg left in the incoming folder: the segments it closed
   * but had not reported, and the one in progress (a truncated MPEG-TS file still plays).
   * Each file's end is its last write; its start, the end less its probed duration.
   */
  async sweepIncoming(cameraId: string): Promise<{ indexed: number; discarded: number }> {
    const dir = incomingDirOf(this.deps.mediaDir, cameraId);
    const names = await readdir(dir).catch(() => [] as string[]);
    let indexed = 0;
    let discarded = 0;
    for (const name of names.filter((n) => n.endsWith('.ts')).sort()) {
      const file = path.join(dir, name);
      const stored = await this.indexLeftover(cameraId, file);
      if (stored) indexed += 1;
      else discarded += 1;
    }
    if (indexed + discarded > 0) {
      this.deps.logger.info({ cameraId, indexed, discarded }, 'recording.incoming.swept');
    }
    return { indexed, discarded };
  }

  private async indexLeftover(cameraId: string, file: string): Promise<StoredSegment | null> {
    const info = await stat(file).catch(() => null);
    const probed = info && info.size > 0 ? await probeSegmentFile(this.deps.tools(), file) : null;
    if (!info || !probed) {
      await unlink(file).catch(() => undefined);
      return null;
    }
    const endMs = Math.floor(info.mtimeMs);
    return this.index({
      cameraId,
      file,
      startMs: endMs - probed.durationMs,
      endMs,
      codec: probed.codec,
    });
  }
}

const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );
