/**
 * Brute-force protection for login, as a pure policy: given the times of recent failed logins for one
 * key (a username, or a client address) and the current time, may another attempt be made now?
 * Times are epoch milliseconds passed in; nothing here reads a clock, so every case is testable.
 *
 * A successful login resets the username's count: the caller clears that username's failures. The
 * address's failures stay, so an attacker cannot reset them by logging into an account of their own.
 */
export interface ThrottlePolicy {
  /** Only failures this recent count. */
  readonly windowMs: number;
  /** Failures tolerated before any delay. */
  readonly freeFailures: number;
  /** Failures within one window that lock the key. */
  readonly lockAfter: number;
  /** How long a lock lasts after the failure that started it (the latest, when none come after). */
  readonly lockMs: number;
  /** The first delay after the free failures; it doubles with each further failure. */
  readonly baseDelayMs: number;
  /** Password checks for one key that may run at once; more are refused, whatever the failures. */
  readonly maxInFlight: number;
}

export const USERNAME_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: 3,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  baseDelayMs: 1000,
  maxInFlight: 2,
};

// An office or NAT shares one address among many honest users, so addresses get more room.
export const ADDRESS_POLICY: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  freeFailures: 10,
  lockAfter: 50,
  lockMs: 15 * 60_000,
  baseDelayMs: 500,
  maxInFlight: 16,
};

export const MAX_DELAY_MS = 60_000;
/** The wait asked of an attempt refused because enough checks for its key are already running. */
export const IN_FLIGHT_RETRY_MS = 1000;

export type ThrottleVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterMs: number; readonly locked: boolean };

const ALLOWED: ThrottleVerdict = { allowed: true };

/**
 * Whether a failure at `time` can still affect a verdict at `now`: a lock started by a failure up to
 * lockMs ago rests on failures up to windowMs before that one. Older failures may be forgotten.
 */
export function stillRelevant(time: number, now: number, policy: ThrottlePolicy): boolean {
  return time > now - policy.windowMs - policy.lockMs;
}

/**
 * `failures` are failed-login times in any order. A failure that makes lockAfter failures within one
 * window locks the key for lockMs after it, so the lock lasts its full time even once the older of those
 * failures have left the window (otherwise spreading guesses out would shorten every lock). Outside a
 * lock, the failures within the window before `now` beyond the free ones each double the wait.
 *
 * `pending` checks are still running: each counts as a failure at `now`, since it may yet be one, so that
 * concurrent guesses get no more password checks than the same guesses one after another; and no more
 * than maxInFlight may run at once.
 */
export function throttleVerdict(
  failures: readonly number[],
  now: number,
  policy: ThrottlePolicy,
  pending = 0,
): ThrottleVerdict {
  const verdict = failureVerdict([...failures, ...Array<number>(pending).fill(now)], now, policy);
  if (verdict.allowed && pending >= policy.maxInFlight) {
    return { allowed: false, retryAfterMs: IN_FLIGHT_RETRY_MS, locked: false };
  }
  return verdict;
}

function failureVerdict(failures: readonly number[], now: number, policy: ThrottlePolicy): ThrottleVerdict {
  const sorted = [...failures].sort((a, b) => a - b);
  let lockedUntil = -Infinity;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while (sorted[start]! <= sorted[end]! - policy.windowMs) start++;
    if (end - start + 1 >= policy.lockAfter) lockedUntil = sorted[end]! + policy.lockMs;
  }
  if (lockedUntil > now) return { allowed: false, retryAfterMs: lockedUntil - now, locked: true };

  // Failures stamped later than `now` (another instance's clock running ahead) count too.
  const recent = sorted.filter((time) => time > now - policy.windowMs);
  if (recent.length > policy.freeFailures) {
    const latest = recent[recent.length - 1]!;
    const delayMs = Math.min(
      policy.baseDelayMs * 2 ** (recent.length - policy.freeFailures - 1),
      MAX_DELAY_MS,
    );
    const retryAfterMs = latest + delayMs - now;
    if (retryAfterMs > 0) return { allowed: false, retryAfterMs, locked: false };
  }
  return ALLOWED;
}

/** The stricter of several verdicts: refused if any refuses, for the longest wait, locked if any is. */
export function stricterVerdict(...verdicts: readonly ThrottleVerdict[]): ThrottleVerdict {
  let result: ThrottleVerdict = ALLOWED;
  for (const verdict of verdicts) {
    if (verdict.allowed) continue;
    result = result.allowed
      ? verdict
      : {
          allowed: false,
          retryAfterMs: Math.max(result.retryAfterMs, verdict.retryAfterMs),
          locked: result.locked || verdict.locked,
        };
  }
  return result;
}
