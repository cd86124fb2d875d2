import { DomainError } from '../domain-error.js';

/**
 * A fixed-window counter per key (a client address, see `addressKey`): at most `limit` requests per
 * window. Counters live in this process's memory, which is enough to blunt scraping of an anonymous
 * endpoint, and at most `maxKeys` of them, whatever number of addresses a client cycles through.
 */
export class RateLimiter {
  // In the order the windows started: a key's ended window is forgotten before its next one is set.
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** How many keys are counted now; never more than `maxKeys`. */
  get size(): number {
    return this.windows.size;
  }

  /** Whether the key has used up its window's requests; counts nothing. */
  exhausted(key: string, nowMs: number): boolean {
    const window = this.windows.get(key);
    return window !== undefined && nowMs - window.start < this.windowMs && window.count >= this.limit;
  }

  /** Counts one request and answers true, or false (counting nothing) when the key is over its limit. */
  admit(key: string, nowMs: number): boolean {
    if (this.exhausted(key, nowMs)) return false;
    this.take(key, nowMs);
    return true;
  }

  /** Counts one request; throws RATE_LIMITED (429 with Retry-After) when the key is over its limit. */
  take(key: string, nowMs: number): void {
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= this.windowMs) {
      this.makeRoom(nowMs);
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

  /**
   * Forgets ended windows, and when keys still fill the map, the oldest running ones. Forgetting a
   * window only gives its key a fresh count, no more than a client holding that many addresses has
   * anyway; refusing unknown keys instead would shut out every new client during a flood.
   */
  private makeRoom(nowMs: number): void {
    for (const [key, window] of this.windows) {
      if (this.windows.size < this.maxKeys && nowMs - window.start < this.windowMs) return;
      this.windows.delete(key);
    }
  }
}
