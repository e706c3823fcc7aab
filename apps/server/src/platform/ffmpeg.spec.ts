import { chmodSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FfmpegNotFoundError, SupervisedProcess, resolveFfmpeg } from './ffmpeg.ts';

describe('resolveFfmpeg', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gw-ffmpeg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes FFMPEG_PATH first, with its ffprobe beside it', () => {
    const tools = resolveFfmpeg({ ffmpegPath: '/usr/bin/ffmpeg' });
    expect(tools).toMatchObject({
      ffmpeg: '/usr/bin/ffmpeg',
      ffprobe: '/usr/bin/ffprobe',
      source: 'environment',
      rtspTimeoutOption: 'timeout',
    });
    expect(tools.version).toMatch(/^\d/);
  });

  it('fails plainly when FFMPEG_PATH names nothing runnable', () => {
    expect(() => resolveFfmpeg({ ffmpegPath: path.join(dir, 'nope') })).toThrow(
      FfmpegNotFoundError,
    );
  });

  it('finds ffmpeg on the PATH', () => {
    const bin = path.join(dir, 'bin');
    symlinkSync('/usr/bin', bin);
    const tools = resolveFfmpeg({ searchPath: `${path.join(dir, 'empty')}:${bin}` });
    expect(tools.source).toBe('path');
    expect(tools.ffmpeg).toBe(path.join(bin, 'ffmpeg'));
  });

  it('falls back to the npm static build and makes it executable if npm did not', () => {
    const first = resolveFfmpeg({ skipPath: true });
    expect(first.source).toBe('npm');
    expect(first.ffprobe).toBeNull();
    // The 2018 static build predates ffmpeg 5, whose RTSP socket timeout option was renamed.
    expect(first.rtspTimeoutOption).toBe('stimeout');

    chmodSync(first.ffmpeg, 0o644);
    const again = resolveFfmpeg({ skipPath: true });
    expect(statSync(again.ffmpeg).mode & 0o111).not.toBe(0);
  });
});

describe('SupervisedProcess', () => {
  it('keeps the tail of stderr and reports the exit code', async () => {
    const proc = new SupervisedProcess({
      command: 'sh',
      args: ['-c', 'for i in 1 2 3 4 5; do echo "line $i" >&2; done; exit 3'],
      stderrLines: 2,
    });
    expect(await proc.exited).toEqual({ kind: 'exited', code: 3 });
    expect(proc.stderrTail()).toEqual(['line 4', 'line 5']);
  });

  it('passes stdout lines on as they come', async () => {
    const lines: string[] = [];
    const proc = new SupervisedProcess({
      command: 'sh',
      args: ['-c', 'printf "a,1\\nb,2\\n"'],
      onStdoutLine: (line) => lines.push(line),
    });
    await proc.exited;
    expect(lines).toEqual(['a,1', 'b,2']);
  });

  it('stops with SIGTERM, and with SIGKILL when SIGTERM is ignored', async () => {
    const polite = new SupervisedProcess({ command: 'sleep', args: ['30'] });
    expect(await polite.stop()).toEqual({ kind: 'signalled', signal: 'SIGTERM', requested: true });

    const stubborn = new SupervisedProcess({
      command: 'sh',
      args: ['-c', 'trap "" TERM; echo ready >&2; while true; do sleep 0.1; done'],
      killGraceMs: 300,
      onStderrLine: () => undefined,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stubborn.stop()).toEqual({
      kind: 'signalled',
      signal: 'SIGKILL',
      requested: true,
    });
  });

  it('tells a kill from outside from a requested stop, and reports a failed spawn', async () => {
    const proc = new SupervisedProcess({ command: 'sleep', args: ['30'] });
    process.kill(proc.pid!, 'SIGKILL');
    expect(await proc.exited).toEqual({ kind: 'signalled', signal: 'SIGKILL', requested: false });

    const missing = new SupervisedProcess({ command: '/nonexistent/ffmpeg', args: [] });
    expect((await missing.exited).kind).toBe('spawn_failed');
  });
});
