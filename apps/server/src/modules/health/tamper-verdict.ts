import type { TamperKind } from '@gardenwatch/contracts';
import {
  contrast,
  laplacianVariance,
  layoutCorrelation,
  meanAbsDifference,
  meanLevel,
  type GreyFrame,
} from './tamper-measures.ts';

/**
 * Thresholds on 160-pixel-wide grey samples. Their measured basis (five clips, each picture
 * fault of the simulator) is in docs/benchmarks/recording-health.md.
 */
export const tamperThresholds = {
  /** Covered: dark and flat. Clear views measured mean ≥ 120, contrast ≥ 30; covered ≤ 5, ≤ 3. */
  coveredMeanBelow: 40,
  coveredContrastBelow: 12,
  /** Turned: coarse layout against the reference. Same view ≥ 0.70 (blurred included); turned ≤ 0.39. */
  turnedCorrelationBelow: 0.55,
  /** Defocused: edge energy against the reference. Sharp 0.96–1.10; blurred ≤ 0.04. */
  defocusedSharpnessBelow: 0.25,
  /**
   * Frozen: change between consecutive samples. Live views ≥ 0.28; frozen 0.00.
   * LIMITATION: a real sensor's noise keeps a still scene above this, but a camera that
   * denoises an empty, unlit room perfectly would be reported frozen.
   */
  frozenDifferenceBelow: 0.1,
} as const;

/** What one sample shows, judged against the reference view and the previous sample. */
export function judgeSample(
  frame: GreyFrame,
  reference: GreyFrame | null,
  previous: GreyFrame | null,
): TamperKind | null {
  const limits = tamperThresholds;
  if (meanLevel(frame) < limits.coveredMeanBelow && contrast(frame) < limits.coveredContrastBelow)
    return 'covered';
  if (reference && sameSize(frame, reference)) {
    if (layoutCorrelation(frame, reference) < limits.turnedCorrelationBelow) return 'turned';
    const sharpness = laplacianVariance(frame) / Math.max(1, laplacianVariance(reference));
    if (sharpness < limits.defocusedSharpnessBelow) return 'defocused';
  }
  if (previous && sameSize(frame, previous)) {
    if (meanAbsDifference(frame, previous) < limits.frozenDifferenceBelow) return 'frozen';
  }
  return null;
}

const sameSize = (a: GreyFrame, b: GreyFrame): boolean =>
  a.width === b.width && a.height === b.height;

/**
 * Debounces verdicts: a tamper kind is reported after `raiseAfter` samples in a row show it,
 * and cleared after as many clean ones, so that one odd picture (a child close to the lens)
 * raises nothing.
 */
export class TamperTracker {
  private current: TamperKind | null = null;
  private candidate: TamperKind | null = null;
  private streak = 0;

  constructor(private readonly raiseAfter = 2) {}

  get state(): TamperKind | null {
    return this.current;
  }

  /** Feeds one verdict; true when the reported state changed. */
  push(verdict: TamperKind | null): boolean {
    if (verdict === this.current) {
      this.candidate = null;
      this.streak = 0;
      return false;
    }
    this.streak = verdict === this.candidate ? this.streak + 1 : 1;
    this.candidate = verdict;
    if (this.streak < this.raiseAfter) return false;

    this.current = verdict;
    this.candidate = null;
    this.streak = 0;
    return true;
  }

  reset(): void {
    this.current = null;
    this.candidate = null;
    this.streak = 0;
  }
}
