import { tehranTime } from '../shared/tehran-date.js';

/** Quiet hours (ساعات سکوت), Tehran time, in minutes of the day; `from` after `to` spans midnight. */
export interface QuietHours {
  readonly from: number;
  readonly to: number;
}

const SPAN = /^([0-2]\d):([0-5]\d)-([0-2]\d):([0-5]\d)$/;

/** Parses `22:00-07:00` (or `off`: none); anything else is refused with a RangeError. */
export function parseQuietHours(text: string): QuietHours | null {
  if (text === 'off') return null;
  const match = SPAN.exec(text);
  if (!match)
    throw new RangeError(`expected a span like "22:00-07:00" or "off", got ${JSON.stringify(text)}`);
  const [from, to] = [minuteOf(match[1]!, match[2]!), minuteOf(match[3]!, match[4]!)];
  if (from >= 24 * 60 || to >= 24 * 60 || from === to)
    throw new RangeError(`${JSON.stringify(text)}: two different times of the day, 00:00 to 23:59`);
  return { from, to };
}

/** Parses `07:30`, a time of the Tehran day, into minutes; a RangeError otherwise. */
export function parseTimeOfDay(text: string): number {
  const match = /^([0-2]\d):([0-5]\d)$/.exec(text);
  const minute = match ? minuteOf(match[1]!, match[2]!) : Number.NaN;
  if (!(minute < 24 * 60)) throw new RangeError(`expected a time like "07:30", got ${JSON.stringify(text)}`);
  return minute;
}

const minuteOf = (hours: string, minutes: string) => Number(hours) * 60 + Number(minutes);

/**
 * When the quiet hours around `now` end (UTC ISO-8601, to the minute), or undefined when `now` is not
 * in them: a non-urgent SMS waits until then.
 */
export function quietUntil(now: string, quiet: QuietHours | null): string | undefined {
  if (!quiet) return undefined;
  const { minuteOfDay } = tehranTime(now);
  const inside =
    quiet.from < quiet.to
      ? minuteOfDay >= quiet.from && minuteOfDay < quiet.to
      : minuteOfDay >= quiet.from || minuteOfDay < quiet.to;
  if (!inside) return undefined;
  const minutesLeft = (quiet.to - minuteOfDay + 24 * 60) % (24 * 60);
  const startOfMinute = Math.floor(Date.parse(now) / 60_000) * 60_000;
  return new Date(startOfMinute + minutesLeft * 60_000).toISOString();
}
