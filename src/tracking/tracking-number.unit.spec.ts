import fc from 'fast-check';
import { isValidIranianNationalId } from '../identity/national-id.js';
import { isTrackingNumber, trackingNumberFor, verhoeffCheckDigit } from './tracking-number.js';

const stream = fc.string({ minLength: 1, maxLength: 60 }).map((s) => `permit-${s}`);
const attempt = fc.nat({ max: 1_000 });
const numbers = fc.tuple(stream, attempt).map(([s, a]) => trackingNumberFor(s, a));

describe('tracking numbers (کد رهگیری)', () => {
  it('are ten digits with no leading zero and a check digit that holds', () => {
    fc.assert(
      fc.property(numbers, (n) => {
        expect(n).toMatch(/^[1-9]\d{9}$/);
        expect(isTrackingNumber(n)).toBe(true);
      }),
    );
  });

  it('are never a valid national id (کد ملی), which is ten digits too', () => {
    fc.assert(fc.property(numbers, (n) => expect(isValidIranianNationalId(n)).toBe(false)));
    const nationalIds = fc
      .stringMatching(/^[1-9]\d{8}$/)
      .map((body) => Array.from({ length: 11 }, (_, d) => `${body}${d}`).find(isValidIranianNationalId))
      .filter((id): id is string => id !== undefined);
    fc.assert(fc.property(nationalIds, (id) => expect(isTrackingNumber(id)).toBe(false)));
  });

  it('are the same for the same stream and attempt, and another for the next attempt', () => {
    expect(trackingNumberFor('inquiry-a', 0)).toBe(trackingNumberFor('inquiry-a', 0));
    expect(trackingNumberFor('inquiry-a', 1)).not.toBe(trackingNumberFor('inquiry-a', 0));
    expect(trackingNumberFor('inquiry-b', 0)).not.toBe(trackingNumberFor('inquiry-a', 0));
  });

  it('follow no sequence: neighbouring streams get numbers far apart', () => {
    const [a, b] = [trackingNumberFor('permit-1', 0), trackingNumberFor('permit-2', 0)];
    expect(Math.abs(Number(a) - Number(b))).toBeGreaterThan(1_000);
  });

  it('uses Verhoeff’s check digit (the published example 236 → 3)', () => {
    expect(verhoeffCheckDigit('236')).toBe('3');
    expect(isTrackingNumber(`123456789${verhoeffCheckDigit('123456789')}`)).toBe(true);
  });

  it('refuses every single changed digit', () => {
    fc.assert(
      fc.property(numbers, fc.nat({ max: 9 }), fc.integer({ min: 1, max: 9 }), (n, at, by) => {
        const digit = (Number(n[at]) + by) % 10;
        const changed = `${n.slice(0, at)}${digit}${n.slice(at + 1)}`;
        expect(isTrackingNumber(changed)).toBe(false);
      }),
    );
  });

  it('refuses every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(numbers, fc.nat({ max: 8 }), (n, at) => {
        fc.pre(n[at] !== n[at + 1]);
        const swapped = `${n.slice(0, at)}${n[at + 1]}${n[at]}${n.slice(at + 2)}`;
        expect(isTrackingNumber(swapped)).toBe(false);
      }),
    );
  });

  it.each(['', '123456789', '12345678901', '0123456789', '12345abcde', ' 1234567890', '１٢34567890'])(
    'refuses %j for its form',
    (text) => expect(isTrackingNumber(text)).toBe(false),
  );
});
