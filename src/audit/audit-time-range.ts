import { normalizeDigits } from '../identity/national-id.js';
import { DomainError } from '../shared/domain-error.js';
import { gregorianOfJalali } from '../shared/jalali.js';
import { tehranTime } from '../shared/tehran-date.js';

/** A half-open range of instants: `since` ≤ t < `before`, UTC ISO-8601; either may be open. */
export interface TimeRange {
  readonly since?: string;
  readonly before?: string;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
/** An ISO date-time with no `Z` or offset: a Tehran wall-clock time, like the dates. */
const LOCAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
/** Years below this are Solar Hijri (Jalali): 1405 is 2026. */
const FIRST_GREGORIAN_YEAR = 1700;
/** Beyond it the next day has no four-digit year. */
const LAST_GREGORIAN_YEAR = 9998;

/**
 * A time filter as people write it: an instant (`2026-12-03T08:00:00Z`; without an offset, Tehran's
 * wall clock), a Gregorian date (`2026-12-03`) or a Jalali one (`1405-09-12`, `۱۴۰۵/۰۹/۱۲`). Dates are
 * Tehran calendar days, and `to` includes its whole day.
 */
export function timeRange(from: string | undefined, to: string | undefined): TimeRange {
  const since = from === undefined ? undefined : bound('from', from).start;
  const before = to === undefined ? undefined : bound('to', to).end;
  if (since !== undefined && before !== undefined && since >= before) {
    throw new DomainError('AUDIT.INVALID_TIME_RANGE', `from (${from}) is not before to (${to})`, 'invalid', {
      from,
      to,
    });
  }
  return { ...(since !== undefined ? { since } : {}), ...(before !== undefined ? { before } : {}) };
}

function bound(name: 'from' | 'to', text: string): { start: string; end: string } {
  const written = normalizeDigits(text.trim());
  const date = DATE.exec(written);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
    const gregorian =
      year < FIRST_GREGORIAN_YEAR ? gregorianOfJalali(year, month, day) : validGregorian(year, month, day);
    if (gregorian) {
      const nextDay = iso(Date.parse(gregorian) + DAY_MS).slice(0, 10);
      return { start: iso(tehranMidnight(gregorian)), end: iso(tehranMidnight(nextDay)) };
    }
  } else if (written.includes('T')) {
    // Date.parse would read an instant without an offset in the server's own zone.
    const local = LOCAL_INSTANT.test(written);
    const asWritten = Date.parse(local ? `${written}Z` : written);
    const inYears =
      asWritten >= Date.UTC(FIRST_GREGORIAN_YEAR, 0, 1) &&
      asWritten < Date.UTC(LAST_GREGORIAN_YEAR + 1, 0, 1);
    const at = local && inYears ? tehranInstant(asWritten) : asWritten;
    if (inYears) return { start: iso(at), end: iso(at + 1) };
  }
  throw new DomainError(
    'AUDIT.INVALID_TIME',
    `${name} must be an ISO instant, an ISO date or a Jalali date (1405-09-12), not ${JSON.stringify(text)}`,
    'invalid',
    { [name]: text },
  );
}

function validGregorian(year: number, month: number, day: number): string | undefined {
  if (year > LAST_GREGORIAN_YEAR) return undefined;
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day
    ? iso(at.getTime()).slice(0, 10)
    : undefined;
}

/**
 * When a Gregorian day begins in Tehran, whatever the offset was then (+03:30 now, +04:30 on summer days
 * before 2022, the local mean time of the 1920s): found by correcting a guess with Tehran's own clock.
 */
function tehranMidnight(gregorianDay: string): number {
  return tehranInstant(Date.parse(`${gregorianDay}T00:00:00Z`));
}

/** The instant Tehran's clock showed `wallClockMs` (a wall-clock time written as if it were UTC). */
function tehranInstant(wallClockMs: number): number {
  if (Number.isNaN(wallClockMs)) return wallClockMs;
  // Tehran's clock is read to the second; the milliseconds are added back after.
  const millis = ((wallClockMs % 1000) + 1000) % 1000;
  const wholeSeconds = wallClockMs - millis;
  const tried: number[] = [];
  let at = wholeSeconds - 3.5 * 3_600_000;
  for (let step = 0; step < 4; step++) {
    const off = tehranTime(at).wallClockMs - wholeSeconds;
    if (off === 0) return at + millis;
    tried.push(at);
    at -= off;
  }
  // A time the clocks skipped (00:00–01:00 on the day summer time began, before 2022): the instant
  // the clocks jumped, the first whose wall clock is past it. The guesses straddle the jump.
  const past = tried.filter((guess) => tehranTime(guess).wallClockMs > wholeSeconds);
  const short = tried.filter((guess) => tehranTime(guess).wallClockMs < wholeSeconds);
  if (past.length === 0 || short.length === 0) return at + millis;
  return firstPast(Math.max(...short), Math.min(...past), wholeSeconds) + millis;
}

/** The first whole second in (before, after] whose Tehran wall clock is past `wall`. */
function firstPast(before: number, after: number, wall: number): number {
  let [low, high] = [before, after];
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (tehranTime(middle).wallClockMs > wall) high = middle;
    else low = middle;
  }
  return high;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
