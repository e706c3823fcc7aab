import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from '../frame.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The shared media kit (real photos and clips with ground truth) lives beside the clone as
 * `../shared/media`; a git worktree one level deeper finds it one folder further up.
 */
export function sharedMediaDir(): string | undefined {
  const candidates = [
    process.env.GARDENWATCH_MEDIA_DIR,
    path.join(repoRoot, '../shared/media'),
    path.join(repoRoot, '../../shared/media'),
  ];
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'manifest.json')));
}

export const MEDIA_MISSING_REASON = 'shared media kit (../shared/media) not found beside the repo';

/** Decodes a picture, scaled to `width` (even height), into an RGB frame with ffmpeg. */
export function decodeImage(file: string, width = 640): Frame {
  const data = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-frames:v', '1', '-vf', `scale=${width}:-2`, ...RAW_RGB],
    { maxBuffer: 1 << 26 },
  );
  return { width, height: data.byteLength / 3 / width, timestampMs: 0, data: new Uint8Array(data) };
}

const RAW_RGB = ['-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'];

/** Decodes `count` frames at `fps` from `startS` seconds of a clip into timestamped frames. */
export function decodeClip(
  file: string,
  options: { fps: number; startS?: number; count: number; width?: number },
): Frame[] {
  const width = options.width ?? 640;
  const args = ['-v', 'error', '-ss', String(options.startS ?? 0), '-i', file];
  const filter = `fps=${options.fps},scale=${width}:-2`;
  const data = execFileSync(
    'ffmpeg',
    [...args, '-frames:v', String(options.count), '-vf', filter, ...RAW_RGB],
    { maxBuffer: 1 << 28 },
  );
  const height = probeScaledHeight(file, width);
  const size = width * height * 3;
  const frames: Frame[] = [];
  for (let offset = 0, i = 0; offset + size <= data.byteLength; offset += size, i++) {
    const timestampMs = ((options.startS ?? 0) + i / options.fps) * 1000;
    frames.push({
      width,
      height,
      timestampMs,
      data: new Uint8Array(data.subarray(offset, offset + size)),
    });
  }
  return frames;
}

function probeScaledHeight(file: string, width: number): number {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=width,height',
    '-of',
    'csv=p=0',
    file,
  ]).toString();
  const [w = 1, h = 1] = out.trim().split(',').map(Number);
  return Math.round((h * width) / w / 2) * 2;
}

/** A flat gray frame with a filled square, for motion tests. */
export function syntheticFrame(options: {
  width: number;
  height: number;
  timestampMs?: number;
  level?: number;
  square?: { x: number; y: number; size: number; level: number };
}): Frame {
  const { width, height, square } = options;
  const data = new Uint8Array(width * height * 3).fill(options.level ?? 120);
  if (square) {
    for (let y = square.y; y < Math.min(height, square.y + square.size); y++) {
      data.fill(
        square.level,
        (y * width + square.x) * 3,
        (y * width + Math.min(width, square.x + square.size)) * 3,
      );
    }
  }
  return { width, height, timestampMs: options.timestampMs ?? 0, data };
}
