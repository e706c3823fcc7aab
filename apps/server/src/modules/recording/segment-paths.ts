import path from 'node:path';

/** Where footage lives: DATA_DIR/media/<camera>/<YYYY-MM-DD>/<HH>/<start-UTC-ms>.ts (UTC). */
export const mediaDirOf = (dataDir: string): string => path.join(dataDir, 'media');

/** ffmpeg writes here first; a closed segment is renamed into its dated folder. */
export const incomingDirOf = (mediaDir: string, cameraId: string): string =>
  path.join(mediaDir, cameraId, 'incoming');

/** The index stores paths relative to the media folder, so DATA_DIR may move. */
export function segmentRelativePath(cameraId: string, startMs: number): string {
  const iso = new Date(startMs).toISOString();
  return path.join(cameraId, iso.slice(0, 10), iso.slice(11, 13), `${startMs}.ts`);
}

const relativePattern = /^([0-9a-f-]{36})\/(\d{4}-\d{2}-\d{2})\/(\d{2})\/(\d{13})\.ts$/;

/** The camera and start of a segment path, or null for anything else in the media folder. */
export function parseSegmentPath(relative: string): { cameraId: string; startMs: number } | null {
  const match = relativePattern.exec(relative.split(path.sep).join('/'));
  if (!match?.[1] || !match[4]) return null;
  const startMs = Number(match[4]);
  if (segmentRelativePath(match[1], startMs).split(path.sep).join('/') !== match[0]) return null;
  return { cameraId: match[1], startMs };
}
