import { execFile } from 'node:child_process';

export interface ClipInfo {
  path: string;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
}

/**
 * Reads a clip's size, frame rate and duration from `ffmpeg -i` (stderr), so that no ffprobe is
 * needed next to a static ffmpeg build.
 */
export async function probeClip(ffmpegPath: string, clip: string): Promise<ClipInfo> {
  const stderr = await new Promise<string>((resolve, reject) => {
    execFile(ffmpegPath, ['-hide_banner', '-nostdin', '-i', clip], (error, _out, err) => {
      const text = String(err);
      if (error && !text.includes('Stream #')) {
        reject(new Error(`cannot read clip ${clip}: ${text.trim().split('\n').pop() ?? ''}`));
        return;
      }
      resolve(text);
    });
  });
  return parseProbe(clip, stderr);
}

export function parseProbe(clip: string, stderr: string): ClipInfo {
  const video = stderr.split('\n').find((line) => /Stream #.*Video:/.test(line));
  const size = video?.match(/, (\d{2,5})x(\d{2,5})[ ,]/);
  if (!video || !size) throw new Error(`no video stream in clip ${clip}`);

  const fps = Number(video.match(/([\d.]+) fps/)?.[1] ?? 25);
  const duration = stderr.match(/Duration: (\d+):(\d+):([\d.]+)/);
  const durationSeconds = duration
    ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
    : 0;
  return { path: clip, width: Number(size[1]), height: Number(size[2]), fps, durationSeconds };
}
