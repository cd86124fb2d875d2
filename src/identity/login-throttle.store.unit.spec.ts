import { LoginThrottle } from './login-throttle.store.js';

const T0 = Date.UTC(2025, 0, 1, 8, 0, 0);
const MINUTE = 60_000;

function throttleWithClock(options: { maxKeys?: number } = {}) {
  const clock = { now: T0 };
  const throttle = new LoginThrottle({ ...options, now: () => clock.now });
  return { clock, throttle };
}

describe('LoginThrottle', () => {
  it('allows the free failures, then asks for growing delays', () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 3; i++) {
      expect(throttle.check('sara', '203.0.113.7')).toEqual({ allowed: true });
      throttle.recordFailure('sara', '203.0.113.7');
    }
    expect(throttle.check('sara', '203.0.113.7')).toEqual({ allowed: true });
    throttle.recordFailure('sara', '203.0.113.7');
    expect(throttle.check('sara', '203.0.113.7')).toEqual({
      allowed: false,
      retryAfterMs: 1000,
      locked: false,
    });

    clock.now += 1000;
    expect(throttle.check('sara', '203.0.113.7')).toEqual({ allowed: true });
    throttle.recordFailure('sara', '203.0.113.7');
    expect(throttle.check('sara', '203.0.113.7')).toEqual({
      allowed: false,
      retryAfterMs: 2000,
      locked: false,
    });
  });

  it('locks the username at ten failures, from every address, until the lock expires', () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 10; i++) {
      throttle.recordFailure('sara', `198.51.100.${i}`);
      clock.now += MINUTE;
    }
    const lockedUntil = T0 + 9 * MINUTE + 15 * MINUTE;
    expect(throttle.check('sara', '192.0.2.1')).toEqual({
      allowed: false,
      retryAfterMs: lockedUntil - clock.now,
      locked: true,
    });
    expect(throttle.check('reza', '192.0.2.1')).toEqual({ allowed: true });

    clock.now = lockedUntil - 1;
    expect(throttle.check('sara', '192.0.2.1')).toMatchObject({ allowed: false, locked: true });
    clock.now = lockedUntil;
    expect(throttle.check('sara', '192.0.2.1')).toEqual({ allowed: true });
  });

  it('forgets failures older than the window', () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 5; i++) throttle.recordFailure('sara', '203.0.113.7');
    clock.now += 15 * MINUTE;
    expect(throttle.check('sara', '203.0.113.7')).toEqual({ allowed: true });
    throttle.recordFailure('sara', '203.0.113.7');
    expect(throttle.check('sara', '203.0.113.7')).toEqual({ allowed: true });
  });

  it('locks an address guessing many usernames, independently of the usernames', () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 50; i++) {
      throttle.recordFailure(`user${i}`, '203.0.113.7');
      clock.now += 100;
    }
    const latest = clock.now - 100;
    expect(throttle.check('fresh-user', '203.0.113.7')).toEqual({
      allowed: false,
      retryAfterMs: latest + 15 * MINUTE - clock.now,
      locked: true,
    });
    expect(throttle.check('fresh-user', '198.51.100.1')).toEqual({ allowed: true });
    expect(throttle.check('user0', '198.51.100.1')).toEqual({ allowed: true });
  });

  it('reports the longer wait when both the username and the address are slowed', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 12; i++) throttle.recordFailure(i < 5 ? 'sara' : `user${i}`, '203.0.113.7');
    // sara: 5 failures → 2 s; the address: 12 failures → 1 s.
    expect(throttle.check('sara', '203.0.113.7')).toEqual({
      allowed: false,
      retryAfterMs: 2000,
      locked: false,
    });
  });

  it('clears the username on success but keeps the address count', () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 11; i++) throttle.recordFailure('sara', '203.0.113.7');
    expect(throttle.check('sara', '198.51.100.1')).toMatchObject({ allowed: false, locked: true });

    throttle.recordSuccess('sara');
    expect(throttle.check('sara', '198.51.100.1')).toEqual({ allowed: true });
    // The address has 11 failures: one past its free ten, so it is slowed for 500 ms.
    expect(throttle.check('sara', '203.0.113.7')).toEqual({
      allowed: false,
      retryAfterMs: 500,
      locked: false,
    });
  });

  it('restores a username’s failures from seeded times', () => {
    const { throttle } = throttleWithClock();
    const lastTen = Array.from({ length: 10 }, (_, i) => T0 - (10 - i) * MINUTE);
    throttle.seedUsernameFailures('sara', lastTen);
    expect(throttle.check('sara', '192.0.2.1')).toEqual({
      allowed: false,
      retryAfterMs: 14 * MINUTE,
      locked: true,
    });
  });

  it('does not count seeded failures twice, nor ones older than the window', () => {
    const { throttle } = throttleWithClock();
    const four = [T0 - 3000, T0 - 2000, T0 - 1000, T0];
    throttle.seedUsernameFailures('sara', four);
    throttle.seedUsernameFailures('sara', four);
    // Four failures: 1 s after the latest (eight would be 16 s).
    expect(throttle.check('sara', '192.0.2.1')).toEqual({
      allowed: false,
      retryAfterMs: 1000,
      locked: false,
    });

    throttle.seedUsernameFailures('reza', [T0 - 16 * MINUTE, T0 - 2000, T0 - 1000, T0]);
    expect(throttle.check('reza', '192.0.2.1')).toEqual({ allowed: true });
  });

  it('merges seeded failures with those recorded since the restart', () => {
    const { throttle } = throttleWithClock();
    throttle.recordFailure('sara', '192.0.2.1');
    throttle.seedUsernameFailures('sara', [T0 - 2000, T0 - 1000, T0]);
    // The recorded failure at T0 is the seeded one: three failures, all free.
    expect(throttle.check('sara', '198.51.100.1')).toEqual({ allowed: true });
    throttle.seedUsernameFailures('sara', [T0 - 3000]);
    expect(throttle.check('sara', '198.51.100.1')).toEqual({
      allowed: false,
      retryAfterMs: 1000,
      locked: false,
    });
  });

  it('tracks a bounded number of keys, forgetting the stalest', () => {
    const { clock, throttle } = throttleWithClock({ maxKeys: 2 });
    const failFourTimes = (username: string) => {
      for (let i = 0; i < 4; i++) throttle.recordFailure(username, `192.0.2.${i}`);
    };
    failFourTimes('first');
    clock.now += 1;
    failFourTimes('second');
    clock.now += 1;
    failFourTimes('first'); // first is fresh again, so second is the stalest now
    clock.now += 1;
    failFourTimes('third');

    expect(throttle.check('first', '198.51.100.1')).toMatchObject({ allowed: false });
    expect(throttle.check('second', '198.51.100.1')).toEqual({ allowed: true });
    expect(throttle.check('third', '198.51.100.1')).toMatchObject({ allowed: false });
  });

  it('counts an IPv6 /64 as one address, and tracks a bounded number of addresses', () => {
    const { throttle } = throttleWithClock({ maxKeys: 3 });
    for (let i = 0; i < 12; i++) throttle.recordFailure(`user${i}`, `2001:db8:1:2::${i.toString(16)}`);
    expect(throttle.check('fresh-user', '2001:db8:1:2:ffff::1')).toMatchObject({ allowed: false });
    expect(throttle.check('fresh-user', '2001:db8:1:3::1')).toEqual({ allowed: true });

    // Thousands of addresses from elsewhere: only the latest three are kept, the /64 is forgotten.
    for (let i = 0; i < 5000; i++) throttle.recordFailure('someone', `198.51.${i >> 8}.${i & 255}`);
    expect(throttle.check('fresh-user', '2001:db8:1:2:ffff::1')).toEqual({ allowed: true });
    expect(throttle.check('fresh-user', '198.51.19.135')).toEqual({ allowed: true });
  });

  it('counts attempts under way as failures and caps how many run at once', () => {
    const { throttle } = throttleWithClock();
    const begin = (address: string) => throttle.begin('sara', address);
    const first = begin('192.0.2.1');
    const second = begin('192.0.2.2');
    expect([first.allowed, second.allowed]).toEqual([true, true]);
    // Two checks are running for sara: a third waits, though no failure is known yet.
    expect(begin('192.0.2.3')).toEqual({ allowed: false, retryAfterMs: 1000, locked: false });
    if (!first.allowed || !second.allowed) throw new Error('unreachable');
    first.attempt.settle('failed');
    first.attempt.settle('failed'); // counted once
    second.attempt.settle('abandoned');
    expect(throttle.check('sara', '192.0.2.9')).toEqual({ allowed: true });

    // The free three and one more run; the fifth would be past the free failures even if all fail.
    const running = [begin('192.0.2.4'), begin('192.0.2.5')];
    expect(running.every((r) => r.allowed)).toBe(true);
    for (const r of running) if (r.allowed) r.attempt.settle('failed');
    const fourth = begin('192.0.2.6');
    expect(fourth.allowed).toBe(true);
    expect(begin('192.0.2.7')).toMatchObject({ allowed: false, retryAfterMs: 1000, locked: false });
    if (fourth.allowed) fourth.attempt.settle('succeeded');
    expect(throttle.check('sara', '198.51.100.1')).toEqual({ allowed: true });
  });
});
