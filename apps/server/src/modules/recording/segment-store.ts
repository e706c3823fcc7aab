import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Bus } from '../../platform/bus.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import { checkTsSegment, probeSegmentFile } from './segment-files.ts';
import { SegmentIndexWriter } from './segment-index-writer.ts';
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
  /** How long closed segments wait to be indexed together. */
  flushMs?: number;
}

/** Files closed segments into their dated folder and the index. */
export class SegmentStore {
  private readonly writer: SegmentIndexWriter;
  private readonly folders = new Set<string>();

  constructor(private readonly deps: SegmentStoreDeps) {
    this.writer = new SegmentIndexWriter({
      repo: deps.repo,
      bus: deps.bus,
      flushMs: deps.flushMs ?? 1000,
    });
  }

  /** Indexes the segments waiting for the next batch now (at stop). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  get mediaDir(): string {
    return this.deps.mediaDir;
  }

  /** Checks, files and indexes a closed segment; null when the file fails the check. */
  async index(segment: ClosedSegment): Promise<StoredSegment | null> {
    const { cameraId, file } = segment;
    await untilSettled(file);
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
    await this.ensureFolder(path.dirname(target));
    await rename(file, target).catch(async (error: NodeJS.ErrnoException) => {
      // The folder went away underneath (removed by hand): make it again, once.
      if (error.code !== 'ENOENT') throw error;
      this.folders.delete(path.dirname(target));
      await this.ensureFolder(path.dirname(target));
      await rename(file, target);
    });
    return this.writer.add({
      cameraId,
      startedAt: new Date(startMs),
      endedAt: new Date(Math.max(segment.endMs, startMs)),
      bytes: check.bytes,
      codec: segment.codec,
      path: relative,
    });
  }

  private async ensureFolder(dir: string): Promise<void> {
    if (this.folders.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.folders.add(dir);
  }

  /**
   * Indexes what a stopped or killed ffmpeg left in the incoming folder: the segments it closed
   * but had not reported, and the one in progress (a truncated MPEG-TS file still plays).
   * Each file's end is its last write; its start, the end less its probed duration.
   */
  async sweepIncoming(cameraId: string): Promise<{ indexed: number; discarded: number }> {
    const dir = incomingDirOf(this.deps.mediaDir, cameraId);
    const names = await readdir(dir).catch(() => [] as string[]);
    const files = names.filter((n) => n.endsWith('.ts')).sort();
    const results = await Promise.all(
      files.map((n) => this.indexLeftover(cameraId, path.join(dir, n))),
    );
    const indexed = results.filter(Boolean).length;
    const discarded = results.length - indexed;
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

/**
 * ffmpeg's segment muxer prints the list entry just before it closes the file, so the last
 * buffered bytes may still be on their way: wait until the size holds still.
 */
async function untilSettled(file: string, attempts = 10): Promise<void> {
  let size = (await stat(file).catch(() => null))?.size;
  for (let i = 0; i < attempts; i++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const next = (await stat(file).catch(() => null))?.size;
    if (next === size) return;
    size = next;
  }
}
