import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StoredSegment } from '../recording/recording.repository.ts';
import type { RecordingService } from '../recording/recording.service.ts';
import { segmentRelativePath } from '../recording/segment-paths.ts';

/** Shared by the playback and export tests; not part of the server. */

export interface FootageOptions {
  recording: RecordingService;
  cameraId: string;
  startMs: number;
  segments: number;
  segmentSeconds?: number;
  /** Indices of segments left out, as if the camera had been away. */
  skip?: number[];
  /** 720p at about 2 Mb/s, an 8-second encode looped by stream copy (for benchmarks). */
  hd?: boolean;
  /** A real clip (looped as needed) instead of the test pattern. */
  source?: string;
}

/**
 * Real footage as the recorder leaves it: ffmpeg encodes a test pattern (H.264, a key frame
 * every second) into MPEG-TS segments with reset timestamps, which are filed under their
 * wall-clock start and indexed.
 */
export async function recordFootage(options: FootageOptions): Promise<StoredSegment[]> {
  const seconds = options.segmentSeconds ?? 4;
  const work = await mkdtemp(path.join(os.tmpdir(), 'gw-footage-'));
  try {
    await encodeSegments(work, options.segments * seconds, seconds, options);
    const files = (await readdir(work)).filter((f) => /^\d{4}\.ts$/.test(f)).sort();
    const mediaDir = options.recording.store.mediaDir;
    const rows = [];
    for (const [index, name] of files.entries()) {
      if (options.skip?.includes(index)) continue;
      const startMs = options.startMs + index * seconds * 1000;
      const relative = segmentRelativePath(options.cameraId, startMs);
      await mkdir(path.dirname(path.join(mediaDir, relative)), { recursive: true });
      await copyFile(path.join(work, name), path.join(mediaDir, relative));
      rows.push({
        cameraId: options.cameraId,
        startedAt: new Date(startMs),
        endedAt: new Date(startMs + seconds * 1000),
        bytes: (await stat(path.join(mediaDir, relative))).size,
        codec: 'h264',
        path: relative,
      });
    }
    return await options.recording.repo.insertSegments(rows);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function encodeSegments(
  work: string,
  duration: number,
  seconds: number,
  options: Pick<FootageOptions, 'hd' | 'source'>,
): Promise<void> {
  const segment = [
    ...['-f', 'segment', '-segment_time', String(seconds), '-reset_timestamps', '1'],
    ...['-segment_format', 'mpegts', path.join(work, '%04d.ts')],
  ];
  const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-bf', '0'];
  const quiet = ['-hide_banner', '-loglevel', 'error'];
  if (options.source) {
    const input = ['-stream_loop', '-1', '-i', options.source, '-t', String(duration)];
    await run('ffmpeg', [...quiet, ...input, '-an', ...x264, ...segment]);
    return;
  }
  if (!options.hd) {
    const source = `testsrc2=size=320x240:rate=25:duration=${duration}`;
    await run('ffmpeg', [...quiet, '-f', 'lavfi', '-i', source, ...x264, ...segment]);
    return;
  }
  const clip = path.join(work, 'clip.ts');
  const source = 'testsrc2=size=1280x720:rate=25:duration=8,noise=alls=8:allf=t';
  await run('ffmpeg', [...quiet, '-f', 'lavfi', '-i', source, ...x264, '-b:v', '2M', clip]);
  await run('ffmpeg', [
    ...[...quiet, '-stream_loop', '-1', '-i', clip, '-t', String(duration)],
    ...['-c', 'copy', ...segment],
  ]);
}

/** Runs a command to its end; rejects with its stderr when it fails. */
export function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`)),
    );
  });
}

/** Duration in seconds and size of a media file, by ffprobe. */
export async function probe(file: string): Promise<{ duration: number; width: number }> {
  const out = await run('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0'],
    ...['-show_entries', 'stream=width:format=duration', '-of', 'default=noprint_wrappers=1'],
    file,
  ]);
  const value = (key: string) =>
    Number(/^(\w+)=(.*)$/m.exec(out.split('\n').find((l) => l.startsWith(`${key}=`)) ?? '')?.[2]);
  return { duration: value('duration'), width: value('width') };
}
