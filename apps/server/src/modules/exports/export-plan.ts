import type { Gap } from '@gardenwatch/contracts';

export interface PlanSegment {
  startedAt: string;
  endedAt: string;
  path: string;
}

/** Contiguous footage of one camera: one output file. */
export interface PlannedRun<S extends PlanSegment = PlanSegment> {
  from: Date;
  to: Date;
  segments: S[];
  /** Seconds to skip in the first segment, and where to stop in the last (null: its end). */
  inpointSec: number;
  outpointSec: number | null;
}

/** Segments closer than this belong to one run (the recorder cuts at key frames). */
const JOIN_MS = 1500;

/** Splits a camera's segments over the range into contiguous runs, trimmed to the range. */
export function planRuns<S extends PlanSegment>(
  segments: S[],
  range: { from: Date; to: Date },
): PlannedRun<S>[] {
  const runs: PlannedRun<S>[] = [];
  for (const segment of segments) {
    const start = Date.parse(segment.startedAt);
    const end = Date.parse(segment.endedAt);
    if (end <= range.from.getTime() || start >= range.to.getTime()) continue;
    const last = runs.at(-1);
    if (last && start - last.to.getTime() <= JOIN_MS) {
      last.segments.push(segment);
      last.to = new Date(end);
    } else {
      runs.push({
        from: new Date(start),
        to: new Date(end),
        segments: [segment],
        inpointSec: 0,
        outpointSec: null,
      });
    }
  }
  for (const run of runs) trim(run, range);
  return runs;
}

function trim(run: PlannedRun, range: { from: Date; to: Date }): void {
  const first = run.segments[0];
  const last = run.segments.at(-1);
  if (!first || !last) return;
  if (run.from < range.from) {
    run.inpointSec = (range.from.getTime() - Date.parse(first.startedAt)) / 1000;
    run.from = range.from;
  }
  if (run.to > range.to) {
    run.outpointSec = (range.to.getTime() - Date.parse(last.startedAt)) / 1000;
    run.to = range.to;
  }
}

export interface MissingSpan {
  from: Date;
  to: Date;
  /** The recorder's cause when a recorded gap overlaps; null when none explains it. */
  cause: Gap['cause'] | null;
}

/** The parts of the range that no run covers, each with the cause the gap record gives. */
export function missingSpans(
  runs: PlannedRun[],
  range: { from: Date; to: Date },
  gaps: Gap[],
): MissingSpan[] {
  const holes: { from: Date; to: Date }[] = [];
  let cursor = range.from;
  for (const run of runs) {
    if (run.from.getTime() - cursor.getTime() > JOIN_MS) holes.push({ from: cursor, to: run.from });
    if (run.to > cursor) cursor = run.to;
  }
  if (range.to.getTime() - cursor.getTime() > JOIN_MS) holes.push({ from: cursor, to: range.to });
  return holes.map((hole) => ({ ...hole, cause: causeOf(hole, gaps) }));
}

function causeOf(hole: { from: Date; to: Date }, gaps: Gap[]): Gap['cause'] | null {
  const overlapping = gaps.find((gap) => {
    const from = Date.parse(gap.from);
    const to = gap.to ? Date.parse(gap.to) : Number.POSITIVE_INFINITY;
    return from < hole.to.getTime() && to > hole.from.getTime();
  });
  return overlapping?.cause ?? null;
}
