const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * A UTC ISO-8601 instant (`2026-04-01T08:30:00Z`, milliseconds optional) in canonical form
 * (`toISOString`), or undefined for anything else, including days a month does not have.
 */
export function canonicalInstant(text: string): string | undefined {
  if (typeof text !== 'string' || !ISO_INSTANT.test(text)) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return undefined;
  const canonical = date.toISOString();
  return canonical.slice(0, 19) === text.slice(0, 19) ? canonical : undefined;
}

/**
 * `months` calendar months after a canonical instant, in UTC; a day the target month lacks becomes
 * its last day (31 January + 1 month = 28 or 29 February).
 */
export function addMonthsUtc(instant: string, months: number): string {
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const monthEnd = new Date(0);
  monthEnd.setUTCFullYear(year, month + 1, 0);
  const lastDay = monthEnd.getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  date.setUTCFullYear(year, month, day);
  return date.toISOString();
}

/** Whether canonical instant `a` is at or after `b`. */
export const isAtOrAfter = (a: string, b: string) => Date.parse(a) >= Date.parse(b);
