import type { Gap } from '@gardenwatch/contracts';
import { describe, expect, it } from 'vitest';
import { missingSpans, planRuns } from './export-plan.ts';

const t = (s: number) => new Date(Date.UTC(2026, 11, 4, 0, 0, s));
const segment = (from: number, to: number) => ({
  startedAt: t(from).toISOString(),
  endedAt: t(to).toISOString(),
  path: `${from}.ts`,
});

describe('export plan', () => {
  const range = { from: t(2), to: t(22) };
  const runs = planRuns([segment(0, 4), segment(4, 8), segment(12, 16), segment(16, 24)], range);

  it('splits footage into contiguous runs trimmed to the range', () => {
    expect(runs.map((r) => [r.from, r.to, r.segments.length, r.inpointSec, r.outpointSec])).toEqual(
      [
        [t(2), t(8), 2, 2, null],
        [t(12), t(22), 2, 0, 6],
      ],
    );
  });

  it('names what is missing, with the recorded cause when one overlaps', () => {
    const gaps: Gap[] = [
      {
        id: '1',
        cameraId: 'c',
        from: t(8).toISOString(),
        to: null,
        cause: 'disk_full',
        detail: null,
      },
    ];
    expect(missingSpans(runs, range, gaps)).toEqual([
      { from: t(8), to: t(12), cause: 'disk_full' },
    ]);
    const wide = { from: t(0), to: t(30) };
    const footage = [segment(0, 4), segment(4, 8), segment(12, 16), segment(16, 24)];
    expect(missingSpans(planRuns(footage, wide), wide, [])).toEqual([
      { from: t(8), to: t(12), cause: null },
      { from: t(24), to: t(30), cause: null },
    ]);
  });
});
