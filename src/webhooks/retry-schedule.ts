/** How long deliveries to a failing endpoint are retried before it is disabled. */
export const RETRY_WINDOW_MS = 24 * 3600_000;
const FIRST_DELAY_MS = 5_000;
const LONGEST_DELAY_MS = 3600_000;

/**
 * The wait before retry `attempt` (1 after the first failure): exponential from 5 s, capped at an
 * hour, with full jitter between half and all of it so that endpoints back from an outage are not
 * hit by every retry at once. `random` is in [0, 1).
 */
export function retryDelayMs(attempt: number, random: number): number {
  const ceiling = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + random / 2));
}

/** Whether an endpoint failing since `failingSince` has used up its day of retries at `now` (ms). */
export function retriesExhausted(failingSince: number, now: number): boolean {
  return now - failingSince >= RETRY_WINDOW_MS;
}
