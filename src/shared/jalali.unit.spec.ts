import { jalaliYear } from './jalali.js';

describe('jalaliYear', () => {
  it('answers the Solar Hijri year', () => {
    expect(jalaliYear('2026-11-25T10:00:00.000Z')).toBe(1405);
    expect(jalaliYear('2025-01-01T00:00:00.000Z')).toBe(1403);
  });

  it('turns at Nowruz, midnight Tehran time (UTC+03:30), not at UTC midnight', () => {
    expect(jalaliYear('2026-03-20T20:29:59.999Z')).toBe(1404);
    expect(jalaliYear('2026-03-20T20:30:00.000Z')).toBe(1405);
    expect(jalaliYear('2025-03-20T20:29:00.000Z')).toBe(1403);
    expect(jalaliYear('2025-03-20T20:30:00.000Z')).toBe(1404);
  });

  it('refuses what is not an instant', () => {
    expect(() => jalaliYear('not a date')).toThrow(RangeError);
  });
});
