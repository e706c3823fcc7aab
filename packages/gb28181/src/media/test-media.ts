import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { VideoCodec } from './annexb.ts';

const run = promisify(execFile);

/** Encodes a synthetic clip with ffmpeg into a raw Annex B elementary stream (no B-frames). */
export async function encodeTestClip(
  codec: VideoCodec,
  seconds: number,
  fps = 25,
): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gb28181-clip-'));
  const file = path.join(dir, `clip.${codec}`);
  const encoder =
    codec === 'h264'
      ? ['-c:v', 'libx264', '-bf', '0', '-bsf:v', 'h264_mp4toannexb']
      : [
          '-c:v',
          'libx265',
          '-x265-params',
          'bframes=0:log-level=error',
          '-bsf:v',
          'hevc_mp4toannexb',
        ];
  await run('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x360:rate=${fps}`,
    '-t',
    String(seconds),
    ...encoder,
    '-g',
    String(fps),
    '-f',
    codec === 'h264' ? 'h264' : 'hevc',
    file,
  ]);
  return readFile(file);
}

export interface ProbeResult {
  formatName: string;
  codecName: string;
  duration: number;
  frames: number;
  /** What ffmpeg reports at error level while decoding the whole file; empty when clean. */
  decodeErrors: string;
}

/** Probes a file with ffprobe, decoding every frame to count them. */
export async function probe(file: string): Promise<ProbeResult> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-count_frames',
    '-show_entries',
    'format=format_name,duration:stream=codec_name,nb_read_frames',
    '-of',
    'json',
    file,
  ]);
  const json = JSON.parse(stdout) as {
    format: { format_name: string; duration: string };
    streams: Array<{ codec_name: string; nb_read_frames: string }>;
  };
  const decoded = await run('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']);
  return {
    decodeErrors: decoded.stderr.trim(),
    formatName: json.format.format_name,
    codecName: json.streams[0]?.codec_name ?? '',
    duration: Number(json.format.duration),
    frames: Number(json.streams[0]?.nb_read_frames ?? 0),
  };
}
