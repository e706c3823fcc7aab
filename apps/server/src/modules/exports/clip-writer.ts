import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FfmpegTools } from '../../platform/ffmpeg.ts';
import type { PlannedRun } from './export-plan.ts';

export interface WrittenClip {
  bytes: number;
  sha256: string;
}

/**
 * Writes one run of segments as an MP4 by stream copy: ffmpeg's concat demuxer reads the
 * segment files in order (each one's timestamps follow the previous), trimmed by `inpoint`
 * and `outpoint`. The MP4 is fragmented (a fragment per key frame), so ffmpeg can write it to a
 * pipe and the file is hashed as it is written instead of being read again.
 */
export async function writeClip(options: {
  tools: FfmpegTools;
  run: PlannedRun;
  files: string[];
  output: string;
}): Promise<WrittenClip> {
  const { run, files, output } = options;
  const list = `${output}.txt`;
  const quote = (file: string) => `file '${file.replaceAll("'", "'\\''")}'`;
  const first = files[0];
  const last = files.at(-1);
  // In and out points are file timestamps, and an MPEG-TS file starts above zero (mux delay).
  const inpoint =
    first && run.inpointSec > 0 ? run.inpointSec + (await startTimeOf(options.tools, first)) : 0;
  const outpoint =
    last && run.outpointSec !== null
      ? run.outpointSec + (await startTimeOf(options.tools, last))
      : null;
  const lines = files.flatMap((file, index) => {
    const entry = [quote(file)];
    if (index === 0 && inpoint > 0) entry.push(`inpoint ${inpoint.toFixed(3)}`);
    if (index === files.length - 1 && outpoint !== null)
      entry.push(`outpoint ${outpoint.toFixed(3)}`);
    return entry;
  });
  await writeFile(list, `${lines.join('\n')}\n`);
  try {
    return await runFfmpegTo(options.tools, output, [
      ...['-hide_banner', '-nostdin', '-loglevel', 'error'],
      ...['-f', 'concat', '-safe', '0', '-i', list],
      // LIMITATION: a stream copy starts at a key frame: the clip may begin up to one key-frame
      // interval before the range asked for (the manifest states the range asked).
      ...['-map', '0:v:0', '-c', 'copy', '-f', 'mp4'],
      ...['-movflags', '+frag_keyframe+empty_moov+default_base_moof', 'pipe:1'],
    ]);
  } finally {
    await rm(list, { force: true });
  }
}

/** The first timestamp of a media file in seconds (ffprobe, else ffmpeg's own report). */
async function startTimeOf(tools: FfmpegTools, file: string): Promise<number> {
  if (tools.ffprobe) {
    const out = await runTool(tools.ffprobe, [
      ...['-v', 'error', '-show_entries', 'format=start_time', '-of', 'csv=p=0', file],
    ]).catch(() => '');
    const value = Number(out.trim());
    return Number.isFinite(value) ? value : 0;
  }
  const report = await runTool(tools.ffmpeg, ['-hide_banner', '-i', file]).catch((error: unknown) =>
    String(error),
  );
  return Number(/start: ([\d.]+)/.exec(report)?.[1] ?? 0);
}

function runTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 10_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${stderr}`)) : resolve(stdout),
    );
  });
}

/** Runs ffmpeg with its output on stdout, written to `output` and hashed on the way. */
async function runFfmpegTo(
  tools: FfmpegTools,
  output: string,
  args: string[],
): Promise<WrittenClip> {
  const child = spawn(tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (errors = (errors + text).slice(-2000)));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(child.stdout, tap, createWriteStream(output)).catch((error: unknown) => {
    // The file could not be written (a full disk, say): ffmpeg has nowhere to send its output.
    child.kill('SIGKILL');
    throw error;
  });
  const [code] = await Promise.all([exited, written]);
  if (code !== 0) {
    throw new Error(`ffmpeg exited with ${code}: ${errors.trim().split('\n').at(-1) ?? ''}`);
  }
  return { bytes, sha256: hash.digest('hex') };
}
