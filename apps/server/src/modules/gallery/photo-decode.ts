import { spawn } from 'node:child_process';
import type { Frame } from '@gardenwatch/vision';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';

/** Photos are scaled down to this width at most before face detection. */
const MAX_WIDTH = 1280;

/**
 * Decodes a JPEG or PNG into an RGB frame with ffmpeg (as PPM, whose header carries the size).
 * Null when the bytes are not a picture ffmpeg can read.
 */
export async function decodePhoto(tools: FfmpegTools, bytes: Buffer): Promise<Frame | null> {
  const child = spawn(
    tools.ffmpeg,
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', 'pipe:0', '-frames:v', '1'],
      ...['-vf', `scale='min(${MAX_WIDTH},iw)':-2`, '-f', 'image2pipe', '-c:v', 'ppm', 'pipe:1'],
    ],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(bytes);
  const code = await new Promise<number | null>((resolve) => {
    child.once('close', resolve);
    child.once('error', () => resolve(-1));
  });
  return code === 0 ? parsePpm(Buffer.concat(chunks)) : null;
}

/** A binary PPM: `P6`, width, height, maximum value (255), one whitespace, then RGB. */
export function parsePpm(ppm: Buffer): Frame | null {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header?.[1] || !header[2]) return null;
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = ppm.subarray(header[0].length);
  if (data.length < width * height * 3) return null;
  return {
    width,
    height,
    timestampMs: 0,
    data: new Uint8Array(data.subarray(0, width * height * 3)),
  };
}
