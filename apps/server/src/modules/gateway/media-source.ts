import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VideoCodec } from '@gardenwatch/gb28181';

export type MediaSourceSpec =
  | { kind: 'live'; url: string; rtspTimeoutOption: 'timeout' | 'stimeout' }
  | {
      kind: 'files';
      /** Absolute paths of the indexed segments, in order. */
      files: string[];
      /** Seconds to skip into the first file, and how long to read. */
      offsetSec: number;
      durationSec: number;
      /** Multiple of the recorded rate to read at: 1 for playback, the download speed for download. */
      readRate: number;
    };

export interface MediaSource {
  readonly process: ChildProcess;
  readonly stdout: NodeJS.ReadableStream;
  /** Resolves with ffmpeg's exit code (null when killed). */
  readonly exit: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * ffmpeg copying the video (no re-encoding) to stdout as an Annex B elementary stream, which
 * the PS muxer takes access unit by access unit.
 */
export async function openMediaSource(options: {
  ffmpeg: string;
  spec: MediaSourceSpec;
  codec: VideoCodec;
}): Promise<MediaSource> {
  const { spec } = options;
  let dir: string | null = null;
  let input: string[];
  if (spec.kind === 'live') {
    input = [
      ...['-rtsp_transport', 'tcp', `-${spec.rtspTimeoutOption}`, '10000000'],
      ...['-i', spec.url],
    ];
  } else {
    dir = await mkdtemp(path.join(tmpdir(), 'gw-gateway-'));
    const list = path.join(dir, 'segments.txt');
    const quote = (file: string) => `file '${file.replaceAll("'", "'\\''")}'`;
    await writeFile(list, spec.files.map(quote).join('\n') + '\n');
    input = [
      ...['-readrate', String(spec.readRate)],
      ...['-ss', spec.offsetSec.toFixed(3), '-t', spec.durationSec.toFixed(3)],
      ...['-f', 'concat', '-safe', '0', '-i', list],
    ];
  }
  const bsf = options.codec === 'h264' ? 'h264_mp4toannexb' : 'hevc_mp4toannexb';
  const format = options.codec === 'h264' ? 'h264' : 'hevc';
  const child = spawn(
    options.ffmpeg,
    [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
      ...input,
      ...['-map', '0:v:0', '-an', '-c:v', 'copy', '-bsf:v', bsf, '-f', format, 'pipe:1'],
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const exit = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  void exit.then(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));
  return {
    process: child,
    stdout: child.stdout,
    exit,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
  };
}
