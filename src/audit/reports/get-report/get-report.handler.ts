import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../../config/app-config.module.js';
import type { AppConfig } from '../../../config/app-config.js';
import { auditAreasOf, narrowedAreas } from '../../audit-scope.js';
import { timeRange } from '../../audit-time-range.js';
import { AuditTrail } from '../../audit-trail.js';
import { AuditReportsReadModel } from '../audit-reports.read-model.js';
import type { ReportAnswer } from '../report-rows.js';
import { OverdueFiles } from '../deadlines/overdue-files.js';
import { BUILT_REPORTS, type ReportSources } from './built-reports.js';
import { GetReportQuery } from './get-report.query.js';
import { userIdsIn, withNames } from './report-names.js';

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  private readonly sources: ReportSources;

  constructor(
    private readonly reports: AuditReportsReadModel,
    overdue: OverdueFiles,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly trail: AuditTrail,
  ) {
    this.sources = { reports, overdue, workingHours: config.workingHours };
  }

  execute({ caller, report, filter }: GetReportQuery): Promise<ReportAnswer<object>> {
    const areas = narrowedAreas(auditAreasOf(caller.signedIn), filter);
    const range = timeRange(filter.from, filter.to);
    const found = BUILT_REPORTS[report](this.sources, { areas, range, filter, now: caller.now });
    const rows = withNames(found.rows, this.reports.people.names(userIdsIn(found.rows)));
    const filters = { ...filter, areas };
    // The asked filters, and apart from them the areas covered: the record belongs to each of them.
    this.trail.queried(caller, {
      query: `reports/${report}`,
      filters: { ...filter },
      results: rows.length,
      areas,
    });
    return Promise.resolve({ report, filters, rows, ...(found.page ? { page: found.page } : {}) });
  }
}
