import { z } from 'zod';
import { SupervisedProcess, type FfmpegTools } from '../../platform/ffmpeg.ts';
import { redactUrls } from './camera-url.ts';
import { classifyStreamFailure } from './stream-failure.ts';

export interface StreamInfo {
  codec: string;
  width: number;
  height: number;
  fps: number;
}

export type ProbeResult =
  | ({ ok: true } & StreamInfo)
  | { ok: false; failure: 'auth_failed' | 'camera_unreachable' | 'no_video'; message: string };

export interface ProbeOptions {
  tools: FfmpegTools;
  /** The URL with credentials; never logged or returned. */
  url: string;
  timeoutMs: number;
}

const ffprobeOutput = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        avg_frame_rate: z.string().optional(),
        r_frame_rate: z.string().optional(),
      }),
    )
    .default([]),
});

/**
 * Reads codec, resolution and frame rate of an RTSP stream over TCP, within a time limit.
 * ffprobe when there is one; the npm ffmpeg build has none, so its `-i` report is read instead.
 */
export async function probeStream(options: ProbeOptions): Promise<ProbeResult> {
  const { tools, url, timeoutMs } = options;
  const socketTimeout = String(Math.max(1, timeoutMs - 500) * 1000);
  const input = ['-rtsp_transport', 'tcp', `-${tools.rtspTimeoutOption}`, socketTimeout, '-i', url];
  const stdout: string[] = [];
  const proc = tools.ffprobe
    ? new SupervisedProcess({
        command: tools.ffprobe,
        args: ['-v', 'error', '-of', 'json', '-show_streams', ...input],
        onStdoutLine: (line) => stdout.push(line),
        killGraceMs: 500,
      })
    : new SupervisedProcess({
        command: tools.ffmpeg,
        args: ['-hide_banner', ...input],
        killGraceMs: 500,
      });
  const timer = setTimeout(() => void proc.stop(), timeoutMs);
  await proc.exited;
  clearTimeout(timer);

  const errors = proc.stderrTail();
  const info = tools.ffprobe ? fromFfprobe(stdout.join('\n')) : fromFfmpegReport(errors);
  if (info) return { ok: true, ...info };
  return failureOf(errors, timeoutMs);
}

function failureOf(errors: string[], timeoutMs: number): ProbeResult {
  const failure = classifyStreamFailure(errors);
  const last = redactUrls(errors.at(-1) ?? '').slice(0, 300);
  if (failure === 'auth_failed') {
    return { ok: false, failure, message: 'The camera refused the username or password (401)' };
  }
  if (failure === 'camera_unreachable' || errors.length === 0) {
    const why = last || `no answer within ${timeoutMs / 1000} s`;
    return { ok: false, failure: 'camera_unreachable', message: `Camera unreachable: ${why}` };
  }
  return { ok: false, failure: 'no_video', message: `No video stream found: ${last}` };
}

function fromFfprobe(json: string): StreamInfo | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const result = ffprobeOutput.safeParse(parsed);
  const video = result.success
    ? result.data.streams.find((s) => s.codec_type === 'video')
    : undefined;
  if (!video?.codec_name || !video.width || !video.height) return null;
  const fps = rate(video.avg_frame_rate) ?? rate(video.r_frame_rate) ?? 0;
  return { codec: video.codec_name, width: video.width, height: video.height, fps };
}

function rate(value: string | undefined): number | null {
  const [num, den] = (value ?? '').split('/').map(Number);
  if (!num || !den) return null;
  return Math.round((num / den) * 100) / 100;
}

/** `Stream #0:0: Video: h264 (High), yuv420p(progressive), 1920x1080, 25 fps, ...` */
export function fromFfmpegReport(lines: readonly string[]): StreamInfo | null {
  const line = lines.find((l) => /Stream #\d+:\d+.*: Video: /.test(l));
  if (!line) return null;
  const codec = /Video: ([a-z0-9_]+)/i.exec(line)?.[1];
  const size = /, (\d{2,5})x(\d{2,5})[ ,]/.exec(line);
  const fps = /, ([\d.]+) fps/.exec(line)?.[1] ?? /, ([\d.]+) tbr/.exec(line)?.[1];
  if (!codec || !size?.[1] || !size[2]) return null;
  return { codec, width: Number(size[1]), height: Number(size[2]), fps: fps ? Number(fps) : 0 };
}
