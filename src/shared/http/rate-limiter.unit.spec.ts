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

  it('starts a new window once the old one has passed', () => {
    const limiter = new RateLimiter(1, 1000);
    limiter.take('a', 0);
    expect(() => limiter.take('a', 999)).toThrow();
    expect(() => limiter.take('a', 1000)).not.toThrow();
  });
});
