import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import type { ReportAnswer } from '../report-rows.js';
import type { BuiltReport } from './built-reports.js';
import type { GetReportQueryDto } from './get-report.request.dto.js';

/** One oversight report over the caller's areas. */
export class GetReportQuery extends Query<ReportAnswer<object>> {
  constructor(
    readonly caller: Caller,
    readonly report: BuiltReport,
    readonly filter: GetReportQueryDto,
  ) {
    super();
  }
}
