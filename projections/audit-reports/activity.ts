import type { ActivityRow } from './report-rows.js';

/** Staff actions per Tehran hour of the day (all 24, for a chart), then per Tehran day, from their counts. */
export function activityRows(
  perHour: readonly { readonly hour: number; readonly count: number }[],
  perDay: readonly { readonly day: string; readonly count: number }[],
): ActivityRow[] {
  const hours = Array.from({ length: 24 }, () => 0);
  for (const { hour, count } of perHour) hours[hour] = count;
  return [
    ...hours.map((count, hour) => ({ by: 'hour' as const, bucket: String(hour).padStart(2, '0'), count })),
    ...[...perDay]
      .sort((a, b) => a.day.localeCompare(b.day))
      .map(({ day, count }) => ({ by: 'day' as const, bucket: day, count })),
  ];
}
