// Built once: making an Intl formatter is the slow part.
const persianYear = new Intl.DateTimeFormat('en-u-ca-persian', { year: 'numeric', timeZone: 'Asia/Tehran' });

/**
 * The Solar Hijri (Jalali) year in Tehran at an instant (UTC ISO-8601), e.g. 1405. The year begins at
 * Nowruz, midnight Tehran time, so the last hours of 20 March UTC may already be the next year.
 */
export function jalaliYear(isoInstant: string): number {
  const year = persianYear.formatToParts(instant(isoInstant)).find((p) => p.type === 'year')?.value;
  return Number(year);
}

const persianDay = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Asia/Tehran',
});
const persianDateTime = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Asia/Tehran',
});

/** The Jalali calendar day in Tehran as YYYY-MM-DD with Latin digits, for machine-readable answers. */
export function jalaliDate(isoInstant: string): string {
  const parts = persianDay.formatToParts(instant(isoInstant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The Jalali date and Tehran time in Persian words and digits, for people: «۴ آذر ۱۴۰۵، ۱۳:۳۰». */
export function persianDateTimeText(isoInstant: string): string {
  return persianDateTime.format(instant(isoInstant));
}

const DAY_MS = 86_400_000;

/**
 * The Gregorian day (`YYYY-MM-DD`) of a Jalali calendar day, or undefined when there is no such day
 * (month 13, Esfand 30 of a common year). Found by asking Intl, so it agrees with every date we print.
 */
export function gregorianOfJalali(year: number, month: number, day: number): string | undefined {
  if (
    ![year, month, day].every(Number.isInteger) ||
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31
  )
    return undefined;
  const wanted = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  const dayOfYear = month <= 6 ? (month - 1) * 31 + day - 1 : 186 + (month - 7) * 30 + day - 1;
  // Nowruz falls on 20 or 21 March; noon UTC is the same calendar day in Tehran.
  const guess = Date.UTC(year + 621, 2, 21, 12) + dayOfYear * DAY_MS;
  for (const shift of [0, -1, 1, -2, 2]) {
    const at = new Date(guess + shift * DAY_MS).toISOString();
    if (jalaliDate(at) === wanted) return at.slice(0, 10);
  }
  return undefined;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/** Western digits as Persian digits (۰–۹), for printed documents. */
export function persianDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

function instant(isoInstant: string): Date {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${isoInstant}`);
  return date;
}
