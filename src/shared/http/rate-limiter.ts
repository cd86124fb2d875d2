import { DomainError } from '../domain-error.js';

/**
 * A fixed-window counter per key (a client address): at most `limit` requests per window. Counters
 * live in this process's memory, which is enough to blunt scraping of an anonymous endpoint.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request; throws RATE_LIMITED (429 with Retry-After) when the key is over its limit. */
  take(key: string, nowMs: number): void {
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= this.windowMs) {
      if (this.windows.size > 100_000) this.forgetEnded(nowMs);
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - nowMs) / 1000));
      throw new DomainError('RATE_LIMITED', 'Too many requests; try again later', 'rate_limited', {
        retryAfterSeconds,
      });
    }
  }

  private forgetEnded(nowMs: number): void {
    for (const [key, window] of this.windows) {
      if (nowMs - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
