import { addMonthsUtc, canonicalInstant, isAtOrAfter } from './permit-time.js';

describe('canonicalInstant', () => {
  it.each([
    ['2026-04-01T08:30:00Z', '2026-04-01T08:30:00.000Z'],
    ['2026-04-01T08:30:00.5Z', '2026-04-01T08:30:00.500Z'],
    ['2028-02-29T23:59:59.999Z', '2028-02-29T23:59:59.999Z'],
  ])('writes %s as %s', (text, canonical) => {
    expect(canonicalInstant(text)).toBe(canonical);
  });

  it.each([
    '2026-04-01',
    '2026-04-01T08:30:00',
    '2026-04-01T08:30:00+03:30',
    '2027-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-04-01T24:00:00Z',
    ' 2026-04-01T08:30:00Z',
    '',
  ])('refuses %p', (text) => {
    expect(canonicalInstant(text)).toBeUndefined();
  });
});

describe('addMonthsUtc', () => {
  it.each([
    ['2026-04-01T08:30:00.000Z', 24, '2028-04-01T08:30:00.000Z'],
    ['2026-01-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['2027-01-31T12:00:00.000Z', 13, '2028-02-29T12:00:00.000Z'],
    ['2028-02-29T00:00:00.000Z', 12, '2029-02-28T00:00:00.000Z'],
    ['2026-11-30T23:59:59.999Z', 3, '2027-02-28T23:59:59.999Z'],
    ['2026-03-20T21:00:00.000Z', 120, '2036-03-20T21:00:00.000Z'],
  ])('adds to %s %p months: %s', (from, months, to) => {
    expect(addMonthsUtc(from, months)).toBe(to);
  });
});

describe('isAtOrAfter', () => {
  it('compares instants, not their spelling', () => {
    expect(isAtOrAfter('2028-04-01T08:30:00Z', '2028-04-01T08:30:00.000Z')).toBe(true);
    expect(isAtOrAfter('2028-04-01T08:29:59.999Z', '2028-04-01T08:30:00.000Z')).toBe(false);
    expect(isAtOrAfter('2028-04-02T00:00:00.000Z', '2028-04-01T08:30:00.000Z')).toBe(true);
  });
});
