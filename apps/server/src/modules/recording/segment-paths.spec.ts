import { describe, expect, it } from 'vitest';
import { parseSegmentPath, segmentRelativePath } from './segment-paths.ts';

const camera = '0b7e8f62-4a5e-4f7c-9d51-2f3c2d1e0a11';

describe('segment paths', () => {
  it('files a segment by camera, UTC day and hour, named by its start in ms', () => {
    const start = Date.parse('2026-12-03T23:59:58.123Z');
    const relative = segmentRelativePath(camera, start);
    expect(relative).toBe(`${camera}/2026-12-03/23/${start}.ts`);
    expect(parseSegmentPath(relative)).toEqual({ cameraId: camera, startMs: start });
  });

  it('refuses paths whose folders disagree with the start time, and other files', () => {
    const start = Date.parse('2026-12-03T10:00:00.000Z');
    expect(parseSegmentPath(`${camera}/2026-12-03/11/${start}.ts`)).toBeNull();
    expect(parseSegmentPath(`${camera}/incoming/abc-000001.ts`)).toBeNull();
    expect(parseSegmentPath(`${camera}/2026-12-03/10/${start}.mp4`)).toBeNull();
  });
});
