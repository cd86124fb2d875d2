import { activity } from '../../../../projections/audit-reports/activity.js';
import { afterHours } from '../../../../projections/audit-reports/after-hours.js';
import { loginFindings } from '../../../../projections/audit-reports/logins.js';
import { returnsPerClerk } from '../../../../projections/audit-reports/returns.js';
import { turnaround } from '../../../../projections/audit-reports/turnaround.js';
import type { WorkingHours } from '../../../../projections/audit-reports/working-hours.js';
import type { AuditArea } from '../../audit-scope.js';
import type { TimeRange } from '../../audit-time-range.js';
import type { AuditReportsReadModel } from '../audit-reports.read-model.js';
import type { OverdueFiles } from '../deadlines/overdue-files.js';
import type { GetReportQueryDto } from './get-report.request.dto.js';

/** Where the reports are read from. */
export interface ReportSources {
  readonly reports: AuditReportsReadModel;
  readonly overdue: OverdueFiles;
  readonly workingHours: WorkingHours;
}

/** One report asked for: the caller's areas, the time range, the filters and the time of the query. */
export interface ReportAsk {
  readonly areas: readonly AuditArea[];
  readonly range: TimeRange;
  readonly filter: GetReportQueryDto;
  readonly now: string;
}

type Build = (sources: ReportSources, ask: ReportAsk) => readonly object[];

/** The reports, by name, and how each is made. */
export const BUILT_REPORTS = {
  turnaround: ({ reports }, { areas, range, filter }) =>
    turnaround(reports.stages(areas, range), filter.by ?? 'stage', filter.series),
  // As of the query; from/to narrow the deadlines that passed.
  deadlines: ({ overdue }, { areas, range: { since, before }, now }) =>
    overdue
      .rows(areas, now)
      .filter(
        (row) => (since === undefined || row.dueAt >= since) && (before === undefined || row.dueAt < before),
      ),
  overrides: ({ reports }, { areas, range }) => reports.overrides(areas, range),
  returns: ({ reports }, { areas, range }) => returnsPerClerk(reports.returns(areas, range)),
  'after-hours': ({ reports, workingHours }, { areas, range }) =>
    afterHours(reports.actions(areas, range), workingHours),
  conflicts: ({ reports }, { areas, range }) => reports.conflicts(areas, range),
  logins: ({ reports }, { areas, range }) => loginFindings(reports.people.logins(areas, range)),
  activity: ({ reports }, { areas, range }) => activity(reports.actions(areas, range)),
  'open-files': ({ reports }, { areas }) => reports.openFiles(areas),
} satisfies Record<string, Build>;

export type BuiltReport = keyof typeof BUILT_REPORTS;
export const BUILT_REPORT_NAMES = Object.keys(BUILT_REPORTS) as BuiltReport[];
