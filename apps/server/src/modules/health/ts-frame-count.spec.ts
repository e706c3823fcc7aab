import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countTsVideoFrames, segmentFrameRate } from './ts-frame-count.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An MPEG-TS file from real ffmpeg: `seconds` of H.264 at `fps`. */
function encode(fps: number, seconds: number): string {
  const file = path.join(dir, `${fps}.ts`);
  const made = spawnSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=160x120:rate=${fps}`],
    ...['-t', String(seconds), '-c:v', 'libx264', '-bf', '2', '-f', 'mpegts', file],
  ]);
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return file;
}

describe('counting the frames of an MPEG-TS segment', () => {
  it('finds every frame of real ffmpeg output', () => {
    expect(countTsVideoFrames(readFileSync(encode(25, 2)))).toBe(50);
    expect(countTsVideoFrames(readFileSync(encode(12, 3)))).toBe(36);
  });

  it('gives the frame rate of a segment, and null for something that is not one', async () => {
    expect(await segmentFrameRate(encode(15, 2), 2000)).toBe(15);
    expect(countTsVideoFrames(new Uint8Array(188 * 4))).toBeNull();
    expect(await segmentFrameRate(path.join(dir, 'missing.ts'), 2000)).toBeNull();
  });
});
