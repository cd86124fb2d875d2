import { actionOnRecord, type StaffAction } from './report-facts.js';
import type { AfterHoursRow } from './report-rows.js';

/** A staff action outside the working hours as the report lists it. Holidays (تعطیلات رسمی) are not known. */
export function afterHoursRow(action: StaffAction): AfterHoursRow {
  return {
    ...actionOnRecord(action),
    tehranTime: `${action.tehranDay} ${action.tehranTime}`,
    weekday: action.weekday,
  };
}
