/** The Iranian week, from Saturday (شنبه) to Friday (جمعه), as `tehranTime` names its days. */
export const WEEKDAYS = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A municipality's working hours (ساعات اداری): per weekday, from and to in minutes of the Tehran day. */
export type WorkingHours = Readonly<Partial<Record<Weekday, { readonly from: number; readonly to: number }>>>;

export const DEFAULT_WORKING_HOURS = 'sat-wed 07:00-14:30; thu 07:00-12:30';

const ENTRY = /^([a-z]{3})(?:-([a-z]{3}))? ([0-2]\d):([0-5]\d)-([0-2]\d):([0-5]\d)$/;

/**
 * Parses `sat-wed 07:00-14:30; thu 07:00-12:30`: entries split by `;`, each a weekday or a range of
 * them in week order and one span of the day (24:00 closes it). A day left out has no working hours;
 * a day named twice, a span that ends before it starts, or anything else is refused (RangeError).
 */
export function parseWorkingHours(text: string): WorkingHours {
  const hours: Partial<Record<Weekday, { from: number; to: number }>> = {};
  for (const entry of text.split(';').map((part) => part.trim())) {
    const match = ENTRY.exec(entry);
    if (!match)
      throw new RangeError(`expected entries like "sat-wed 07:00-14:30", got ${JSON.stringify(entry)}`);
    const [, first, last = first, fromH, fromM, toH, toM] = match as unknown as string[];
    const start = WEEKDAYS.indexOf(first as Weekday);
    const end = WEEKDAYS.indexOf(last as Weekday);
    if (start < 0 || end < 0 || end < start)
      throw new RangeError(`${JSON.stringify(entry)}: days run sat, sun, mon, tue, wed, thu, fri`);
    const from = minutes(fromH!, fromM!);
    const to = minutes(toH!, toM!);
    if (from > 24 * 60 || to > 24 * 60 || from >= to)
      throw new RangeError(`${JSON.stringify(entry)}: the span must start before it ends, within the day`);
    for (const day of WEEKDAYS.slice(start, end + 1)) {
      if (hours[day]) throw new RangeError(`${day} is given twice`);
      hours[day] = { from, to };
    }
  }
  return hours;
}

const minutes = (hours: string, minutes: string) => Number(hours) * 60 + Number(minutes);
