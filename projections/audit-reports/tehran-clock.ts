// Built once: making an Intl formatter is the slow part.
const tehranClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
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
}

export function tehranTime(isoInstant: string): TehranTime {
  const parts = tehranClock.formatToParts(new Date(isoInstant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const hour = Number(part('hour'));
  const minute = Number(part('minute'));
  return {
    day: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    hour,
    minuteOfDay: hour * 60 + minute,
    weekday: part('weekday').toLowerCase(),
  };
}
