// Built once: making an Intl formatter is the slow part.
const tehranDay = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day in Tehran at `now`, as Gregorian `YYYY-MM-DD`. Effective dates (rule sets, fees)
 * are Iranian calendar days written in Gregorian ISO form, so "today" is Tehran's, not UTC's.
 */
export function todayInTehran(now: Date): string {
  // Asked on every lookup: the answer of the same minute is reused (Tehran's offset is whole minutes).
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === last.minute) return last.day;
  const parts = tehranDay.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  last = { minute, day: `${part('year')}-${part('month')}-${part('day')}` };
  return last.day;
}

let last = { minute: Number.NaN, day: '' };
