import { parseQuietHours, parseTimeOfDay, quietUntil } from './quiet-hours.js';

// Tehran keeps UTC+03:30 all year (no daylight saving since 2022): 22:00 there is 18:30 UTC.
const NIGHT = parseQuietHours('22:00-07:00');
const AFTERNOON = parseQuietHours('13:00-16:00');

describe('quiet hours', () => {
  describe('parseQuietHours', () => {
    it.each([
      ['22:00-07:00', { from: 22 * 60, to: 7 * 60 }],
      ['13:30-16:00', { from: 13 * 60 + 30, to: 16 * 60 }],
      ['00:00-23:59', { from: 0, to: 23 * 60 + 59 }],
    ])('reads %s', (text, span) => {
      expect(parseQuietHours(text)).toEqual(span);
    });

    it('reads off as none', () => {
      expect(parseQuietHours('off')).toBeNull();
    });

    it.each([
      '',
      'OFF',
      '22-07',
      '22:00 - 07:00',
      '7:00-8:00',
      '24:00-07:00',
      '22:00-29:00',
      '22:60-07:00',
      '22:00-22:00',
    ])('refuses %j', (text) => {
      expect(() => parseQuietHours(text)).toThrow(RangeError);
    });
  });

  describe('parseTimeOfDay', () => {
    it.each([
      ['00:00', 0],
      ['07:30', 450],
      ['23:59', 1439],
    ])('reads %s as minute %d', (text, minute) => {
      expect(parseTimeOfDay(text)).toBe(minute);
    });

    it.each(['', '7:30', '24:00', '29:00', '07:60', '07:30:00', 'morning'])('refuses %j', (text) => {
      expect(() => parseTimeOfDay(text)).toThrow(RangeError);
    });
  });

  describe('quietUntil', () => {
    const MORNING = '2026-11-26T03:30:00.000Z';

    it.each([
      ['at the start, 22:00', '2026-11-25T18:30:00.000Z'],
      ['late in the evening, 23:15:42', '2026-11-25T19:45:42.500Z'],
      ['just past midnight, whose UTC day is still the day before', '2026-11-25T21:00:00.000Z'],
      ['a second before the end, 06:59:59', '2026-11-26T03:29:59.000Z'],
    ])('holds a message sent %s until 07:00 Tehran time', (_when, now) => {
      expect(quietUntil(now, NIGHT)).toBe(MORNING);
    });

    it.each([
      ['at the end, 07:00', '2026-11-26T03:30:00.000Z'],
      ['at noon', '2026-11-26T08:30:00.000Z'],
      ['a minute before the start, 21:59:59', '2026-11-25T18:29:59.000Z'],
      ['at 07:30, though UTC’s clock (04:00) is in the span', '2026-11-26T04:00:00.000Z'],
    ])('lets a message go %s', (_when, now) => {
      expect(quietUntil(now, NIGHT)).toBeUndefined();
    });

    it('holds a message inside a span within the day until its end', () => {
      expect(quietUntil('2026-11-25T09:30:00.000Z', AFTERNOON)).toBe('2026-11-25T12:30:00.000Z');
      expect(quietUntil('2026-11-25T10:50:30.000Z', AFTERNOON)).toBe('2026-11-25T12:30:00.000Z');
    });

    it.each([
      ['just before it, 12:59', '2026-11-25T09:29:00.000Z'],
      ['at its end, 16:00', '2026-11-25T12:30:00.000Z'],
      ['at night, 23:00', '2026-11-25T19:30:00.000Z'],
    ])('lets a message go outside a span within the day: %s', (_when, now) => {
      expect(quietUntil(now, AFTERNOON)).toBeUndefined();
    });

    it('never holds a message when there are no quiet hours', () => {
      expect(quietUntil('2026-11-25T19:45:00.000Z', null)).toBeUndefined();
    });
  });
});
