import { RETRY_WINDOW_MS, retriesExhausted, retryDelayMs } from './retry-schedule.js';

describe('webhook retry schedule', () => {
  it('doubles from 5 s up to an hour, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 0.999999))).toEqual([
      5000, 10000, 20000, 40000,
    ]);
    expect(retryDelayMs(1, 0)).toBe(2500);
    expect(retryDelayMs(30, 0.999999)).toBeCloseTo(3600_000, -1);
    expect(retryDelayMs(30, 0)).toBe(1800_000);
  });

  it('gives up after a day of failures', () => {
    expect(retriesExhausted(0, RETRY_WINDOW_MS - 1)).toBe(false);
    expect(retriesExhausted(0, RETRY_WINDOW_MS)).toBe(true);
  });
});
