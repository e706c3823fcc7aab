/** What ffmpeg's or ffprobe's error output says went wrong with a stream, if it says. */
export type StreamFailure = 'auth_failed' | 'camera_unreachable' | 'disk_full';

const patterns: [RegExp, StreamFailure][] = [
  [/No space left on device|ENOSPC/i, 'disk_full'],
  [/401 Unauthorized|authorization failed|403 Forbidden/i, 'auth_failed'],
  [
    /Connection refused|Connection timed out|timed out|No route to host|Network is unreachable|Name or service not known|Temporary failure in name resolution|Connection reset by peer|Broken pipe|End of file|Invalid data found|404 Not Found|5XX Server Error/i,
    'camera_unreachable',
  ],
];

/** The first line that names a cause decides; earlier patterns win over later ones. */
export function classifyStreamFailure(lines: readonly string[]): StreamFailure | null {
  for (const [pattern, failure] of patterns) {
    if (lines.some((line) => pattern.test(line))) return failure;
  }
  return null;
}

/** The line that names the cause, to show with the gap. */
export function failureLine(lines: readonly string[]): string | undefined {
  for (const [pattern] of patterns) {
    const line = lines.find((l) => pattern.test(l));
    if (line) return line;
  }
  return undefined;
}
