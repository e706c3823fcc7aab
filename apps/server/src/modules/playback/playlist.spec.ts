import { describe, expect, it } from 'vitest';
import { buildPlaylist, mergeSpans } from './playlist.ts';

const at = (s: number) => new Date(Date.UTC(2026, 11, 4) + s * 1000).toISOString();
const segment = (id: string, from: number, to: number) => ({
  id,
  startedAt: at(from),
  endedAt: at(to),
});

describe('playlists and spans from the segment index', () => {
  it('lists each segment with its duration and wall-clock start, a discontinuity between', () => {
    const text = buildPlaylist([segment('1', 0, 4), segment('2', 4, 7.5)], (id) => `/s/${id}.ts`);
    expect(text.split('\n')).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:3',
      '#EXT-X-TARGETDURATION:4',
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      `#EXT-X-PROGRAM-DATE-TIME:${at(0)}`,
      '#EXTINF:4.000,',
      '/s/1.ts',
      '#EXT-X-DISCONTINUITY',
      `#EXT-X-PROGRAM-DATE-TIME:${at(4)}`,
      '#EXTINF:3.500,',
      '/s/2.ts',
      '#EXT-X-ENDLIST',
      '',
    ]);
  });

  it('merges touching segments, keeps gaps, and clips to the range', () => {
    const spans = mergeSpans([segment('1', 0, 4), segment('2', 4.5, 8), segment('3', 20, 24)], {
      from: new Date(at(2)),
      to: new Date(at(22)),
    });
    expect(spans).toEqual([
      { from: at(2), to: at(8) },
      { from: at(20), to: at(22) },
    ]);
  });
});
