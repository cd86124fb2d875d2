import { loginFindings } from '../../../../projections/audit-reports/logins.js';
import type { ReportPage } from '../../../../projections/audit-reports/report-rows.js';
import type { WorkingHours } from '../../../../projections/audit-reports/working-hours.js';
import type { AuditArea } from '../../audit-scope.js';
import type { TimeRange } from '../../audit-time-range.js';
import { MAX_LOGIN_FAILURES } from '../audit-people.tables.js';
import type { AuditReportsReadModel } from '../audit-reports.read-model.js';
import { MAX_OVERDUE, type OverdueFiles } from '../deadlines/overdue-files.js';
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

/** A report's rows, and for a list how far they go. */
export interface BuiltRows {
  readonly rows: readonly object[];
  readonly page?: ReportPage;
}

type Build = (sources: ReportSources, ask: ReportAsk) => BuiltRows;

const all = (rows: readonly object[]): BuiltRows => ({ rows });

/** The reports, by name, and how each is made. */
export const BUILT_REPORTS = {
  turnaround: ({ reports }, { areas, range, filter }) =>
    all(reports.turnaround(areas, range, filter.by ?? 'stage', filter.series)),
  // As of the query; from/to narrow the deadlines that passed.
  deadlines: ({ overdue }, { areas, range: { since, before }, now }) => {
    const { rows, truncated } = overdue.rows(areas, now);
    return {
      rows: rows.filter(
        (row) => (since === undefined || row.dueAt >= since) && (before === undefined || row.dueAt < before),
      ),
      page: { pageSize: MAX_OVERDUE, truncated },
    };
  },
  overrides: ({ reports }, { areas, range, filter }) => reports.overrides(areas, range, filter),
  returns: ({ reports }, { areas, range }) => all(reports.returns(areas, range)),
  'after-hours': ({ reports, workingHours }, { areas, range, filter }) =>
    reports.afterHours(areas, range, workingHours, filter),
  conflicts: ({ reports }, { areas, range, filter }) => reports.conflicts(areas, range, filter),
  logins: ({ reports: { people } }, { areas, range }) => {
    const { facts, truncated } = people.failedLogins(areas, range);
    return {
      rows: loginFindings(facts, people.manyAddresses(areas, range)),
      page: { pageSize: MAX_LOGIN_FAILURES, truncated },
    };
  },
  activity: ({ reports }, { areas, range }) => all(reports.activity(areas, range)),
  'open-files': ({ reports }, { areas }) => all(reports.openFiles(areas)),
} satisfies Record<string, Build>;

export type BuiltReport = keyof typeof BUILT_REPORTS;
export const BUILT_REPORT_NAMES = Object.keys(BUILT_REPORTS) as BuiltReport[];
