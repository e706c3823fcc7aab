export interface SourceArgsOptions {
  clip: string;
  /** Where in the clip to start, so a restart keeps the scene roughly where it was. */
  startSeconds: number;
  fps: number;
  keyframeSeconds: number;
  /** Filter graph from `[0:v]` to `[v]`; null sends the clip's own H.264 (stream copy). */
  graph: string | null;
}

/**
 * One ffmpeg per stream: the clip looped at its own pace (`-re`), H.264 Annex-B on stdout with
 * SPS and PPS before every keyframe, flushed after each frame.
 */
export function sourceArgs(options: SourceArgsOptions): string[] {
  const input = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-stream_loop', '-1', '-re'];
  if (options.startSeconds > 0) input.push('-ss', options.startSeconds.toFixed(3));
  input.push('-i', options.clip, '-an', '-sn', '-dn');
  const output = ['-flush_packets', '1', '-f', 'h264', 'pipe:1'];
  if (options.graph === null) {
    return [...input, '-map', '0:v:0', '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', ...output];
  }

  const gop = String(Math.max(1, Math.round(options.fps * options.keyframeSeconds)));
  return [
    ...input,
    '-filter_complex',
    options.graph,
    '-map',
    '[v]',
    '-fps_mode',
    'passthrough',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-profile:v',
    'main',
    '-crf',
    '26',
    '-g',
    gop,
    '-keyint_min',
    gop,
    '-sc_threshold',
    '0',
    '-bf',
    '0',
    '-x264-params',
    'repeat-headers=1',
    ...output,
  ];
}
