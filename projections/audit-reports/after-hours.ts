import { actionOnRecord, type StaffAction } from './report-facts.js';
import type { AfterHoursRow } from './report-rows.js';
import { isWorkingTime, type WorkingHours } from './working-hours.js';

/** Staff actions outside the working hours, newest first. Holidays (تعطیلات رسمی) are not known here. */
export function afterHours(actions: readonly StaffAction[], hours: WorkingHours): AfterHoursRow[] {
  return actions
    .filter((action) => !isWorkingTime(hours, action.weekday, action.minuteOfDay))
    .map((action) => ({
      ...actionOnRecord(action),
      tehranTime: `${action.tehranDay} ${action.tehranTime}`,
      weekday: action.weekday,
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
}
