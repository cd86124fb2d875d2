import fc from 'fast-check';
import {
  ceilDiv,
  formatScaled,
  fromScaled,
  groupThousands,
  roundHalfUp,
  toScaled,
} from './scaled-decimal.js';

describe('toScaled', () => {
  it.each([
    [250.57, 2, 25057n],
    [250, 2, 25000n],
    [0.01, 2, 1n],
    [1.005, 3, 1005n],
    [1.5, 3, 1500n],
    [0, 2, 0n],
    [-1.25, 2, -125n],
    [1_200_000, 0, 1_200_000n],
  ])('scales %p to %p places as %p', (value, decimals, expected) => {
    expect(toScaled(value, decimals)).toBe(expected);
  });

  it.each([
    ['more places', 250.571, 2],
    ['a fraction where none is allowed', 0.5, 0],
    ['NaN', Number.NaN, 2],
    ['Infinity', Number.POSITIVE_INFINITY, 2],
    ['an unsafe integer once scaled', Number.MAX_SAFE_INTEGER, 2],
  ])('refuses %s', (_why, value, decimals) => {
    expect(toScaled(value, decimals)).toBeUndefined();
  });

  it('round-trips every decimal with that many places', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 3 }), (k, decimals) => {
        const value = k / 10 ** decimals;
        expect(toScaled(value, decimals)).toBe(BigInt(k));
        expect(fromScaled(BigInt(k), decimals)).toBe(value);
      }),
    );
  });
});

describe('rounding', () => {
  it('rounds half up', () => {
    expect(roundHalfUp(15n, 10n)).toBe(2n);
    expect(roundHalfUp(14n, 10n)).toBe(1n);
    expect(roundHalfUp(25n, 10n)).toBe(3n);
    expect(roundHalfUp(0n, 7n)).toBe(0n);
    expect(roundHalfUp(6n, 3n)).toBe(2n);
  });

  it('rounds up in ceilDiv', () => {
    expect(ceilDiv(1500n, 1000n)).toBe(2n);
    expect(ceilDiv(2000n, 1000n)).toBe(2n);
    expect(ceilDiv(0n, 1000n)).toBe(0n);
  });
});

describe('formatting', () => {
  it('groups thousands', () => {
    expect(groupThousands(0n)).toBe('0');
    expect(groupThousands(999n)).toBe('999');
    expect(groupThousands(1000n)).toBe('1,000');
    expect(groupThousands(1_200_000n)).toBe('1,200,000');
  });

  it('writes scaled integers as decimals', () => {
    expect(formatScaled(25000n, 2)).toBe('250.00');
    expect(formatScaled(5n, 2)).toBe('0.05');
    expect(formatScaled(1500n, 3, true)).toBe('1.5');
    expect(formatScaled(1000n, 3, true)).toBe('1');
    expect(formatScaled(2n, 3, true)).toBe('0.002');
    expect(formatScaled(7n, 0)).toBe('7');
  });
});
