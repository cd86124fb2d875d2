import { DomainError } from '../shared/domain-error.js';
import { timeRange } from './audit-time-range.js';

describe('the time filters of audit searches', () => {
  it('reads a Jalali day as that whole day in Tehran', () => {
    expect(timeRange('1405-09-12', '1405-09-12')).toEqual({
      since: '2026-12-02T20:30:00.000Z',
      before: '2026-12-03T20:30:00.000Z',
    });
  });

  it('reads Persian digits and slashes as people type them', () => {
    expect(timeRange('۱۴۰۵/۰۹/۱۲', undefined)).toEqual({ since: '2026-12-02T20:30:00.000Z' });
  });

  it('reads a Gregorian date as a Tehran day too, and an instant as itself', () => {
    expect(timeRange('2026-12-03', '2026-12-03T10:00:00Z')).toEqual({
      since: '2026-12-02T20:30:00.000Z',
      before: '2026-12-03T10:00:00.001Z',
    });
  });

  it('reads an instant without an offset on Tehran’s clock, whatever the server’s zone', () => {
    expect(timeRange('2026-12-03T08:00', '2026-12-03T10:00:00.5')).toEqual({
      since: '2026-12-03T04:30:00.000Z',
      before: '2026-12-03T06:30:00.501Z',
    });
    expect(timeRange('2021-07-01T12:00:00', undefined)).toEqual({ since: '2021-07-01T07:30:00.000Z' });
  });

  it('reads a day whose midnight the clocks skipped (summer time began at 00:00) from the jump on', () => {
    // 22 March 2021: 00:00 became 01:00, at 20:30 UTC.
    expect(timeRange('2021-03-22', undefined)).toEqual({ since: '2021-03-21T20:30:00.000Z' });
    expect(timeRange(undefined, '2021-03-21')).toEqual({ before: '2021-03-21T20:30:00.000Z' });
    expect(timeRange('2021-03-22T00:30', undefined)).toEqual({ since: '2021-03-21T20:30:00.000Z' });
  });

  it('knows Tehran kept summer time before 2022', () => {
    expect(timeRange('2021-07-01', undefined)).toEqual({ since: '2021-06-30T19:30:00.000Z' });
  });

  it('reads a day of the 1920s, when Tehran kept its local mean time (+03:25:44)', () => {
    expect(timeRange('1300-01-01', undefined)).toEqual({ since: '1921-03-20T20:34:16.000Z' });
  });

  it.each([
    ['not a date', undefined],
    ['1404-12-30', undefined], // a common year has no Esfand 30
    ['2026-02-30', undefined],
    ['2026-12-03T25:00:00Z', undefined],
    ['2026-12-03T25:00', undefined],
    ['0050-01-01T00:00', undefined],
    [undefined, '03/12/2026'],
    [undefined, '9999-12-31'],
    [undefined, '+275760-09-13T00:00:00Z'],
  ])('refuses %s … %s with AUDIT.INVALID_TIME', (from, to) => {
    expect(() => timeRange(from, to)).toThrow(
      expect.objectContaining({ code: 'AUDIT.INVALID_TIME', kind: 'invalid' }) as DomainError,
    );
  });

  it('refuses a range that ends before it begins', () => {
    expect(() => timeRange('1405-09-12', '1405-09-11')).toThrow(
      expect.objectContaining({ code: 'AUDIT.INVALID_TIME_RANGE' }) as DomainError,
    );
  });
});
