import { jalaliDate } from '../../src/shared/jalali.js';
import { tehranTime } from '../../src/shared/tehran-date.js';

export const TURNAROUND_GROUPS = ['stage', 'municipality', 'region', 'clerk'] as const;
export type TurnaroundGroup = (typeof TURNAROUND_GROUPS)[number];
export const TURNAROUND_SERIES = ['month', 'week'] as const;
export type TurnaroundSeries = (typeof TURNAROUND_SERIES)[number];

/**
 * The periods a stage that ended at `at` counts in, kept with it so that a series is a plain GROUP BY:
 * the Jalali month (`1405-09`) and the ISO week (`2026-W49`) of its Tehran day.
 */
export function periodsOf(at: string): Readonly<Record<TurnaroundSeries, string>> {
  const day = new Date(`${tehranTime(at).day}T00:00:00Z`);
  // ISO 8601: the week belongs to the year of its Thursday.
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return {
    month: jalaliDate(at).slice(0, 7),
    week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`,
  };
}
