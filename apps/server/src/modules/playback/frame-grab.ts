import { spawn } from 'node:child_process';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';

export type FrameSource =
  { kind: 'live'; url: string } | { kind: 'file'; file: string; offsetSec: number };

/**
 * One frame as JPEG, decoded by ffmpeg: the first key frame of a live stream, or the frame at
 * an offset into a recorded segment (decoded from the key frame before it). Null when ffmpeg
 * gives nothing within the time allowed.
 */
export async function grabJpeg(
  tools: FfmpegTools,
  source: FrameSource,
  timeoutMs = 15_000,
): Promise<Buffer | null> {
  const input =
    source.kind === 'live'
      ? ['-rtsp_transport', 'tcp', `-${tools.rtspTimeoutOption}`, '8000000', '-i', source.url]
      : ['-ss', source.offsetSec.toFixed(3), '-i', source.file];
  const child = spawn(
    tools.ffmpeg,
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
      ...input,
      ...['-map', '0:v:0', '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2'],
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', (exitCode) => resolve(exitCode));
    child.once('error', () => resolve(-1));
  });
  clearTimeout(timer);
  const jpeg = Buffer.concat(chunks);
  return code === 0 && jpeg.length > 0 ? jpeg : null;
}
