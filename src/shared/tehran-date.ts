// Built once: making an Intl formatter is the slow part.
const tehranClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
});

/** The Tehran wall clock at an instant: day `YYYY-MM-DD`, `HH:mm`, hour, minute of the day, weekday. */
export interface TehranTime {
  readonly day: string;
  readonly time: string;
  readonly hour: number;
  readonly minuteOfDay: number;
  /** `sat` … `fri`: the Iranian week begins on Saturday. */
  readonly weekday: string;
  /** The wall clock read as if it were UTC, in milliseconds: the instant plus Tehran's offset then. */
  readonly wallClockMs: number;
}

export function tehranTime(at: string | number | Date): TehranTime {
  const parts = tehranClock.formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const [year, month, day, hour, minute, second] = (
    ['year', 'month', 'day', 'hour', 'minute', 'second'] as const
  ).map((type) => Number(part(type))) as [number, number, number, number, number, number];
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    hour,
    minuteOfDay: hour * 60 + minute,
    weekday: part('weekday').toLowerCase(),
    wallClockMs: Date.UTC(year, month - 1, day, hour, minute, second),
  };
}

/**
 * The calendar day in Tehran at `now`, as Gregorian `YYYY-MM-DD`. Effective dates (rule sets, fees)
 * are Iranian calendar days written in Gregorian ISO form, so "today" is Tehran's, not UTC's.
 */
export function todayInTehran(now: Date): string {
  // Asked on every lookup: the answer of the same minute is reused (Tehran's offset is whole minutes).
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === last.minute) return last.day;
  last = { minute, day: tehranTime(now).day };
  return last.day;
}

let last = { minute: Number.NaN, day: '' };
