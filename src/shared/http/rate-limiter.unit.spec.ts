import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('allows the limit per window and key, then refuses with the time left', () => {
    const limiter = new RateLimiter(2, 60_000);
    limiter.take('a', 0);
    limiter.take('a', 1000);
    limiter.take('b', 1000);
    expect(() => limiter.take('a', 30_000)).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 } }),
    );
  });

  it('tells whether a key has used up its window, without counting', () => {
    const limiter = new RateLimiter(2, 1000);
    expect(limiter.exhausted('a', 0)).toBe(false);
    limiter.take('a', 0);
    expect(limiter.exhausted('a', 10)).toBe(false);
    limiter.take('a', 20);
    expect([limiter.exhausted('a', 999), limiter.exhausted('a', 999)]).toEqual([true, true]);
    expect(limiter.exhausted('b', 999)).toBe(false);
    expect(limiter.exhausted('a', 1000)).toBe(false);
  });

  it('starts a new window once the old one has passed', () => {
    const limiter = new RateLimiter(1, 1000);
    limiter.take('a', 0);
    expect(() => limiter.take('a', 999)).toThrow();
    expect(() => limiter.take('a', 1000)).not.toThrow();
  });
});

describe('RateLimiter size', () => {
  it('counts no more than its cap of keys when fresh keys flood one window, forgetting the oldest', () => {
    const limiter = new RateLimiter(1, 60_000, 1000);
    for (let i = 0; i < 10_000; i += 1) limiter.take(`flood-${i}`, i);
    expect(limiter.size).toBe(1000);
    // The most recent keys are still counted; the oldest start afresh.
    expect(() => limiter.take('flood-9999', 10_000)).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    );
    expect(() => limiter.take('flood-0', 10_000)).not.toThrow();
    expect(limiter.size).toBe(1000);
  });

  it('forgets ended windows before running ones', () => {
    const limiter = new RateLimiter(1, 1000, 3);
    limiter.take('ended', 0);
    limiter.take('running-1', 500);
    limiter.take('running-2', 600);
    limiter.take('new', 1200);
    expect(limiter.size).toBe(3);
    expect(() => limiter.take('running-1', 1300)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    expect(() => limiter.take('running-2', 1300)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
  });

  it('keeps counting a key whose window restarts, in the order windows started', () => {
    const limiter = new RateLimiter(1, 1000, 2);
    limiter.take('a', 0);
    limiter.take('b', 500);
    limiter.take('a', 1000);
    limiter.take('c', 1100);
    expect(() => limiter.take('a', 1200)).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
  });
});
