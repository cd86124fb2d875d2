import {
  ADDRESS_POLICY,
  MAX_DELAY_MS,
  USERNAME_POLICY,
  stricterVerdict,
  throttleVerdict,
  type ThrottlePolicy,
} from './login-throttle.js';

const T0 = Date.UTC(2025, 0, 1, 8, 0, 0);
const MINUTE = 60_000;

/** `count` failures one second apart, the latest at `latest`. */
function failuresEndingAt(latest: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => latest - (count - 1 - i) * 1000);
}

describe('throttleVerdict', () => {
  it('allows anyone with no failures', () => {
    expect(throttleVerdict([], T0, USERNAME_POLICY)).toEqual({ allowed: true });
  });

  it('allows the free failures without delay', () => {
    expect(throttleVerdict(failuresEndingAt(T0, 3), T0, USERNAME_POLICY)).toEqual({ allowed: true });
  });

  it.each([
    [4, 1000],
    [5, 2000],
    [6, 4000],
    [7, 8000],
    [9, 32000],
  ])('after %i failures asks to wait %i ms after the latest', (count, delay) => {
    const failures = failuresEndingAt(T0, count);
    expect(throttleVerdict(failures, T0, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: delay,
      locked: false,
    });
    expect(throttleVerdict(failures, T0 + delay - 1, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 1,
      locked: false,
    });
    expect(throttleVerdict(failures, T0 + delay, USERNAME_POLICY)).toEqual({ allowed: true });
  });

  it('caps the delay at a minute', () => {
    // Address policy: 18 failures would be 500 ms × 2^7 = 64 s.
    expect(throttleVerdict(failuresEndingAt(T0, 18), T0, ADDRESS_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: MAX_DELAY_MS,
      locked: false,
    });
  });

  it('locks at the threshold until lockMs after the latest failure', () => {
    const failures = failuresEndingAt(T0, 10);
    expect(throttleVerdict(failures, T0, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 15 * MINUTE,
      locked: true,
    });
    expect(throttleVerdict(failures, T0 + 14 * MINUTE, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: MINUTE,
      locked: true,
    });
    expect(throttleVerdict(failures, T0 + 15 * MINUTE, USERNAME_POLICY)).toEqual({ allowed: true });
  });

  it('allows again once the lock has expired, even with the failures still in the window', () => {
    const shortLock: ThrottlePolicy = { ...USERNAME_POLICY, lockMs: MINUTE };
    const failures = failuresEndingAt(T0, 10);
    expect(throttleVerdict(failures, T0 + MINUTE - 1, shortLock)).toMatchObject({
      allowed: false,
      locked: true,
    });
    expect(throttleVerdict(failures, T0 + MINUTE, shortLock)).toEqual({ allowed: true });
  });

  it('keeps a lock for its full time after the older failures have left the window', () => {
    // Ten failures a minute apart: the tenth, at T0 + 9 min, locks until T0 + 24 min, although the
    // first leaves the window at T0 + 15 min.
    const failures = Array.from({ length: 10 }, (_, i) => T0 + i * MINUTE);
    expect(throttleVerdict(failures, T0 + 20 * MINUTE, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 4 * MINUTE,
      locked: true,
    });
    expect(throttleVerdict(failures, T0 + 24 * MINUTE, USERNAME_POLICY)).toEqual({ allowed: true });
  });

  it('does not lock for ten failures that never fall within one window', () => {
    // Ten failures two minutes apart span 18 minutes: at most eight share a window.
    const failures = Array.from({ length: 10 }, (_, i) => T0 + i * 2 * MINUTE);
    const latest = T0 + 18 * MINUTE;
    expect(throttleVerdict(failures, latest, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 16_000,
      locked: false,
    });
  });

  it('counts only failures within the window', () => {
    // Seven failures ending at T0 and three ending half a second before the window has passed T0.
    const old = failuresEndingAt(T0, 7);
    const recent = failuresEndingAt(T0 + 15 * MINUTE - 500, 3);
    const failures = [...old, ...recent];
    // Once T0 is 15 minutes past, only the three recent failures count: all free.
    expect(throttleVerdict(failures, T0 + 15 * MINUTE, USERNAME_POLICY)).toEqual({ allowed: true });
    // A millisecond earlier the failure at T0 still counts: four failures, 1 s after the latest.
    expect(throttleVerdict(failures, T0 + 15 * MINUTE - 1, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 501,
      locked: false,
    });
  });

  it('accepts failures in any order', () => {
    const failures = failuresEndingAt(T0, 5).reverse();
    expect(throttleVerdict(failures, T0, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 2000,
      locked: false,
    });
  });

  it('counts failures stamped later than now (clock skew) rather than ignoring them', () => {
    expect(throttleVerdict(failuresEndingAt(T0 + 5000, 10), T0, USERNAME_POLICY)).toEqual({
      allowed: false,
      retryAfterMs: 15 * MINUTE + 5000,
      locked: true,
    });
  });
});

describe('stricterVerdict', () => {
  it('refuses if either refuses, for the longest wait, locked if either is', () => {
    expect(stricterVerdict({ allowed: true }, { allowed: true })).toEqual({ allowed: true });
    expect(stricterVerdict({ allowed: true }, { allowed: false, retryAfterMs: 5, locked: false })).toEqual({
      allowed: false,
      retryAfterMs: 5,
      locked: false,
    });
    expect(
      stricterVerdict(
        { allowed: false, retryAfterMs: 9000, locked: false },
        { allowed: false, retryAfterMs: 1000, locked: true },
      ),
    ).toEqual({ allowed: false, retryAfterMs: 9000, locked: true });
  });
});
