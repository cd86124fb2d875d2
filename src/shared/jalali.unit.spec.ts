import { jalaliDate, jalaliYear, persianDateTimeText, persianDigits } from './jalali.js';

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

describe('Jalali dates for documents', () => {
  it('gives the Tehran calendar day as YYYY-MM-DD', () => {
    expect(jalaliDate('2026-11-25T10:00:00.000Z')).toBe('1405-09-04');
    // 21:00 UTC is already the next day in Tehran.
    expect(jalaliDate('2026-11-25T21:00:00.000Z')).toBe('1405-09-05');
  });

  it('writes the date and time in Persian', () => {
    expect(persianDateTimeText('2026-11-25T10:00:00.000Z')).toContain('آذر ۱۴۰۵');
  });

  it('turns Western digits into Persian ones', () => {
    expect(persianDigits('1-1-1-1-0-0-0')).toBe('۱-۱-۱-۱-۰-۰-۰');
    expect(persianDigits(250)).toBe('۲۵۰');
  });
});
