import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { Logger } from '../../platform/logger.ts';
import { probeSegmentFile } from './segment-files.ts';
import { parseSegmentPath } from './segment-paths.ts';
import type { RecordingRepository } from './recording.repository.ts';
import type { SegmentStore } from './segment-store.ts';

export interface ReconcileDeps {
  db: Db;
  repo: RecordingRepository;
  store: SegmentStore;
  tools: () => FfmpegTools;
  logger: Logger;
}

export interface ReconcileResult {
  /** Segment files on disk that the index lacked, now indexed. */
  indexed: number;
  /** Index rows whose file was gone, now dropped. */
  dropped: number;
  /** Files left in incoming folders by a killed ffmpeg, now filed and indexed. */
  swept: number;
}

/**
 * Makes the index and the disk agree after a crash: files that reached disk but not the
 * index are indexed (once: the path is unique), rows whose files are gone are dropped.
 */
export async function reconcile(deps: ReconcileDeps): Promise<ReconcileResult> {
  const result: ReconcileResult = { indexed: 0, dropped: 0, swept: 0 };
  const known = new Set(
    (await deps.db.selectFrom('cameras').select('id').execute()).map((row) => row.id),
  );
  const onDisk = await listCameraDirs(deps.store.mediaDir);
  const cameraIds = new Set([
    ...onDisk.filter((id) => known.has(id)),
    ...(await deps.repo.cameraIdsWithSegments()),
  ]);

  for (const cameraId of cameraIds) {
    result.swept += (await deps.store.sweepIncoming(cameraId)).indexed;
    const files = await listSegmentFiles(deps.store.mediaDir, cameraId);
    const indexed = await deps.repo.indexedPaths(cameraId);
    for (const relative of files.filter((f) => !indexed.has(f))) {
      if (await indexFile(deps, cameraId, relative)) result.indexed += 1;
    }
    const present = new Set(files);
    const gone = [...indexed].filter(([p]) => !present.has(p)).map(([, id]) => id);
    result.dropped += await deps.repo.deleteSegments(gone);
  }
  deps.logger.info({ ...result }, 'recording.reconcile.done');
  return result;
}

async function indexFile(
  deps: ReconcileDeps,
  cameraId: string,
  relative: string,
): Promise<boolean> {
  const parsed = parseSegmentPath(relative);
  const file = path.join(deps.store.mediaDir, relative);
  const info = await stat(file).catch(() => null);
  if (!parsed || !info || info.size === 0) return false;
  const probed = await probeSegmentFile(deps.tools(), file);
  if (!probed) {
    deps.logger.warn({ cameraId, path: relative }, 'recording.reconcile.unreadable');
    return false;
  }
  const stored = await deps.repo.insertSegment({
    cameraId,
    startedAt: new Date(parsed.startMs),
    endedAt: new Date(parsed.startMs + probed.durationMs),
    bytes: info.size,
    codec: probed.codec,
    path: relative,
  });
  return stored !== null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function listCameraDirs(mediaDir: string): Promise<string[]> {
  const names = await readdir(mediaDir).catch(() => [] as string[]);
  return names.filter((name) => uuidPattern.test(name));
}

/** Relative paths of every segment file of a camera (day and hour folders). */
export async function listSegmentFiles(mediaDir: string, cameraId: string): Promise<string[]> {
  const found: string[] = [];
  const cameraDir = path.join(mediaDir, cameraId);
  for (const day of await readdir(cameraDir).catch(() => [] as string[])) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    for (const hour of await readdir(path.join(cameraDir, day)).catch(() => [] as string[])) {
      const names = await readdir(path.join(cameraDir, day, hour)).catch(() => [] as string[]);
      for (const name of names) {
        const relative = path.join(cameraId, day, hour, name);
        if (parseSegmentPath(relative)) found.push(relative);
      }
    }
  }
  return found;
}
