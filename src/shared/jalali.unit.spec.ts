import { gregorianOfJalali, jalaliDate, jalaliYear, persianDateTimeText, persianDigits } from './jalali.js';

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

describe('gregorianOfJalali', () => {
  it('is the inverse of jalaliDate on every day of several years, leap years included', () => {
    for (let t = Date.UTC(2020, 0, 1, 12); t < Date.UTC(2030, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString();
      const [y, m, d] = jalaliDate(iso).split('-').map(Number) as [number, number, number];
      expect(gregorianOfJalali(y, m, d)).toBe(iso.slice(0, 10));
    }
  });

  it('knows the first day of the year', () => {
    expect(gregorianOfJalali(1405, 1, 1)).toBe('2026-03-21');
    expect(gregorianOfJalali(1405, 9, 12)).toBe('2026-12-03');
  });

  it('answers nothing for a day the calendar does not have', () => {
    expect(gregorianOfJalali(1404, 12, 30)).toBeUndefined(); // 1404 is a common year
    expect(gregorianOfJalali(1403, 12, 30)).toBe('2025-03-20'); // 1403 is a leap year
    expect(gregorianOfJalali(1405, 7, 31)).toBeUndefined();
    expect(gregorianOfJalali(1405, 13, 1)).toBeUndefined();
    expect(gregorianOfJalali(1405, 0, 1)).toBeUndefined();
    expect(gregorianOfJalali(1405.5, 1, 1)).toBeUndefined();
  });
});
