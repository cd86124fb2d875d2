import { tehranTime, todayInTehran } from './tehran-date.js';

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

describe('tehranTime', () => {
  it('reads the wall clock, the Iranian weekday and the minute of the day', () => {
    expect(tehranTime('2026-12-04T20:45:30Z')).toEqual({
      day: '2026-12-05',
      time: '00:15',
      hour: 0,
      minuteOfDay: 15,
      weekday: 'sat',
      wallClockMs: Date.parse('2026-12-05T00:15:30Z'),
    });
  });

  it('follows the offset of the day: +04:30 on a summer day before 2022', () => {
    expect(tehranTime(Date.parse('2020-07-01T12:00:00Z'))).toMatchObject({ time: '16:30', weekday: 'wed' });
    expect(tehranTime(new Date('2026-07-01T12:00:00Z')).time).toBe('15:30');
  });
});
