import type { StaffAction } from './report-facts.js';
import type { ActivityRow } from './report-rows.js';

/** Staff actions per Tehran hour of the day (all 24, for a chart), then per Tehran day. */
export function activity(actions: readonly StaffAction[]): ActivityRow[] {
  const hours = Array.from({ length: 24 }, () => 0);
  const days = new Map<string, number>();
  for (const action of actions) {
    hours[action.hour]! += 1;
    days.set(action.tehranDay, (days.get(action.tehranDay) ?? 0) + 1);
  }
  return [
    ...hours.map((count, hour) => ({ by: 'hour' as const, bucket: String(hour).padStart(2, '0'), count })),
    ...[...days.keys()].sort().map((day) => ({ by: 'day' as const, bucket: day, count: days.get(day)! })),
  ];
}
