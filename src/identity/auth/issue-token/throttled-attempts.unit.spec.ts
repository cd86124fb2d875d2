import { SUMMARY_WINDOW_MS, ThrottledAttempts } from './throttled-attempts.js';

const T0 = Date.UTC(2025, 0, 1, 8, 0, 0);
const refused = (at: number, address = '203.0.113.7', locked = false) => ({
  username: 'admin',
  address,
  at,
  locked,
});

describe('ThrottledAttempts', () => {
  it('counts ten thousand refused attempts into one summary per window', () => {
    const tally = new ThrottledAttempts();
    const due = [];
    for (let i = 0; i < 10_000; i++)
      due.push(...tally.count('login-a', refused(T0 + i, `198.51.100.${i % 30}`)));
    expect(due).toEqual([]);
    const summary = tally.take('login-a')!;
    expect(summary.event).toMatchObject({
      type: 'LoginAttemptsThrottled',
      data: {
        username: 'admin',
        attempts: 10_000,
        windowStart: new Date(T0).toISOString(),
        windowEnd: new Date(T0 + 9_999).toISOString(),
        locked: false,
      },
    });
    expect(summary.event.data.addresses).toHaveLength(20);
    expect(summary.event.data.addresses[0]).toEqual({ address: '198.51.100.0', attempts: 334 });
    expect(tally.take('login-a')).toBeUndefined();
  });

  it('hands out a window’s summary when the next attempt falls past it, or when asked for due ones', () => {
    const tally = new ThrottledAttempts();
    tally.count('login-a', refused(T0));
    tally.count('login-b', refused(T0 + 10));
    const due = tally.count('login-a', refused(T0 + SUMMARY_WINDOW_MS, '203.0.113.7', true));
    expect(due.map((d) => [d.stream, d.event.data.attempts])).toEqual([['login-a', 1]]);
    expect(tally.takeDue(T0 + SUMMARY_WINDOW_MS + 10).map((d) => d.stream)).toEqual(['login-b']);
    expect(tally.takeDue(Infinity).map((d) => [d.stream, d.event.data.locked])).toEqual([['login-a', true]]);
  });

  it('tracks a bounded number of streams, handing out the stalest rather than forgetting it', () => {
    const tally = new ThrottledAttempts(2);
    tally.count('login-a', refused(T0));
    tally.count('login-b', refused(T0));
    const due = tally.count('login-c', refused(T0));
    expect(due.map((d) => d.stream)).toEqual(['login-a']);
    expect(tally.takeDue(Infinity).map((d) => d.stream)).toEqual(['login-b', 'login-c']);
  });
});
