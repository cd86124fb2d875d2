// Built once: making an Intl formatter is the slow part.
const persianYear = new Intl.DateTimeFormat('en-u-ca-persian', { year: 'numeric', timeZone: 'Asia/Tehran' });

/**
 * The Solar Hijri (Jalali) year in Tehran at an instant (UTC ISO-8601), e.g. 1405. The year begins at
 * Nowruz, midnight Tehran time, so the last hours of 20 March UTC may already be the next year.
 */
export function jalaliYear(isoInstant: string): number {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${isoInstant}`);
  const year = persianYear.formatToParts(date).find((p) => p.type === 'year')?.value;
  return Number(year);
}
