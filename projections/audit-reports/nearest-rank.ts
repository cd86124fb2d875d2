/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p% of the values at
 * or below it, always one of the values (no interpolation), so a median of seconds stays whole seconds.
 */
export function nearestRank(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) throw new RangeError('No values to rank');
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Count, median and 90th percentile of durations, by nearest rank. */
export function summary(seconds: readonly number[]): {
  count: number;
  medianSeconds: number;
  p90Seconds: number;
} {
  const sorted = [...seconds].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianSeconds: nearestRank(sorted, 50),
    p90Seconds: nearestRank(sorted, 90),
  };
}
