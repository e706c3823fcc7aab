import type { Span } from '@gardenwatch/contracts';

export interface PlaylistSegment {
  id: string;
  startedAt: string;
  endedAt: string;
}

/**
 * An HLS VOD playlist (RFC 8216) of indexed MPEG-TS segments. The recorder resets timestamps
 * in every segment, so each one after the first is marked as a discontinuity; each carries its
 * wall-clock start (`EXT-X-PROGRAM-DATE-TIME`), which the console uses to map the player's
 * position to the time of day across gaps.
 */
export function buildPlaylist(
  segments: PlaylistSegment[],
  segmentUrl: (id: string) => string,
): string {
  const durations = segments.map((s) => (Date.parse(s.endedAt) - Date.parse(s.startedAt)) / 1000);
  const target = Math.max(1, Math.ceil(Math.max(0, ...durations)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
  ];
  segments.forEach((segment, index) => {
    if (index > 0) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${segment.startedAt}`);
    lines.push(`#EXTINF:${(durations[index] ?? 0).toFixed(3)},`);
    lines.push(segmentUrl(segment.id));
  });
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}

/** Segments closer than this are one span on the timeline (the recorder cuts at key frames). */
const JOIN_MS = 1500;

/** Recorded spans: segments in start order merged where they touch, clipped to the range. */
export function mergeSpans(segments: PlaylistSegment[], range: { from: Date; to: Date }): Span[] {
  const spans: { from: number; to: number }[] = [];
  for (const segment of segments) {
    const from = Math.max(Date.parse(segment.startedAt), range.from.getTime());
    const to = Math.min(Date.parse(segment.endedAt), range.to.getTime());
    if (to <= from) continue;
    const last = spans.at(-1);
    if (last && from - last.to <= JOIN_MS) last.to = Math.max(last.to, to);
    else spans.push({ from, to });
  }
  return spans.map((s) => ({
    from: new Date(s.from).toISOString(),
    to: new Date(s.to).toISOString(),
  }));
}
