export interface MatchRates {
  falseAcceptRate: number;
  falseRejectRate: number;
  falseAccepts: number;
  falseRejects: number;
}

export function rates(
  genuine: readonly number[],
  impostor: readonly number[],
  threshold: number,
): MatchRates {
  const falseRejects = genuine.filter((s) => s < threshold).length;
  const falseAccepts = impostor.filter((s) => s >= threshold).length;
  return {
    falseAcceptRate: impostor.length ? falseAccepts / impostor.length : 0,
    falseRejectRate: genuine.length ? falseRejects / genuine.length : 0,
    falseAccepts,
    falseRejects,
  };
}

/**
 * The lowest threshold (fewest false rejects) whose false-accept rate stays within the bound,
 * placed halfway to the next impostor score above it so that it does not sit on a sample.
 * A false accept at a gate lets a stranger pass as staff or hides a blacklisted person, so the
 * bound on false accepts comes first.
 */
export function chooseThreshold(
  genuine: readonly number[],
  impostor: readonly number[],
  options: { maxFalseAccept: number },
): number {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(options.maxFalseAccept * sorted.length);
  const highestRejected = sorted[allowed] ?? -1;
  const lowestGenuineAbove = Math.min(...genuine.filter((g) => g > highestRejected), 1);
  return (highestRejected + Math.min(lowestGenuineAbove, highestRejected + 0.1)) / 2;
}
