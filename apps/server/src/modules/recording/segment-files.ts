import { open, stat } from 'node:fs/promises';
import { SupervisedProcess, type FfmpegTools } from '../../platform/ffmpeg.ts';

const TS_PACKET = 188;
const SYNC_BYTE = 0x47;

/**
 * A cheap check of a closed MPEG-TS segment: not empty, and starting with transport packets
 * (sync byte every 188 bytes). Run on every segment, so it reads a few hundred bytes only;
 * ffmpeg's segment list already gave the duration.
 */
export async function checkTsSegment(file: string): Promise<{ ok: boolean; bytes: number }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size < TS_PACKET) return { ok: false, bytes: info?.size ?? 0 };

  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(info.size, TS_PACKET * 3));
    await handle.read(head, 0, head.length, 0);
    for (let offset = 0; offset + TS_PACKET <= head.length; offset += TS_PACKET) {
      if (head[offset] !== SYNC_BYTE) return { ok: false, bytes: info.size };
    }
    return { ok: true, bytes: info.size };
  } finally {
    await handle.close();
  }
}

export interface ProbedSegment {
  durationMs: number;
  codec: string;
}

/**
 * Duration and codec of a segment file that ffmpeg never reported closed (left by a killed
 * process or a killed server). A truncated MPEG-TS file still plays up to its last packet.
 */
export async function probeSegmentFile(
  tools: FfmpegTools,
  file: string,
): Promise<ProbedSegment | null> {
  const stdout: string[] = [];
  const proc = tools.ffprobe
    ? new SupervisedProcess({
        command: tools.ffprobe,
        args: [
          '-v',
          'error',
          '-select_streams',
          'v:0',
          '-show_entries',
          'stream=codec_name:format=duration',
          '-of',
          'default=noprint_wrappers=1',
          file,
        ],
        onStdoutLine: (line) => stdout.push(line),
      })
    : new SupervisedProcess({ command: tools.ffmpeg, args: ['-hide_banner', '-i', file] });
  const timer = setTimeout(() => void proc.stop(), 10_000);
  await proc.exited;
  clearTimeout(timer);
  return tools.ffprobe ? fromFfprobe(stdout) : fromFfmpeg(proc.stderrTail());
}

function fromFfprobe(lines: string[]): ProbedSegment | null {
  const value = (key: string) => lines.find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1);
  const codec = value('codec_name');
  const duration = Number(value('duration'));
  if (!codec || !Number.isFinite(duration) || duration <= 0) return null;
  return { codec, durationMs: Math.round(duration * 1000) };
}

function fromFfmpeg(lines: string[]): ProbedSegment | null {
  const duration = lines.map((l) => /Duration: (\d+):(\d+):([\d.]+)/.exec(l)).find(Boolean);
  const codec = lines.map((l) => /Video: ([a-z0-9_]+)/i.exec(l)).find(Boolean)?.[1];
  if (!duration || !codec) return null;
  const ms = (Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000;
  return ms > 0 ? { codec, durationMs: Math.round(ms) } : null;
}
