import { todayInTehran } from './tehran-date.js';

describe('todayInTehran', () => {
  it('turns the day at midnight Tehran time (UTC+03:30), not UTC midnight', () => {
    expect(todayInTehran(new Date('2026-03-20T20:29:59.999Z'))).toBe('2026-03-20');
    expect(todayInTehran(new Date('2026-03-20T20:30:00.000Z'))).toBe('2026-03-21');
    expect(todayInTehran(new Date('2026-03-21T23:59:00.000Z'))).toBe('2026-03-22');
  });

  it('answers zero-padded ISO dates, across a year end', () => {
    expect(todayInTehran(new Date('2025-12-31T21:00:00.000Z'))).toBe('2026-01-01');
    expect(todayInTehran(new Date('2025-12-31T20:00:00.000Z'))).toBe('2025-12-31');
    expect(todayInTehran(new Date('2026-07-04T12:00:00.000Z'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
