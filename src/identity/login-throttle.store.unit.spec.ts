import { addressKey, LoginThrottle } from './login-throttle.store.js';

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
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:1234:0:8a2e:370:7334', '2001:db8:85a3:1234::/64'],
    ['2001:DB8:85A3:1234:ffff::1', '2001:db8:85a3:1234::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0000::2', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    ['not an address', 'not an address'],
  ])('counts %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
