import { Controller, Get, Headers, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Roles } from '../../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { csvReply, wantsCsv } from '../../../shared/http/csv-reply.js';
import type { ReportAnswer } from '../report-rows.js';
import { BUILT_REPORT_NAMES, type BuiltReport } from './built-reports.js';
import { csvColumnsOf } from './report-csv.js';
import { GetReportQuery } from './get-report.query.js';
import { GetReportQueryDto } from './get-report.request.dto.js';
import { ReportResponseDto } from './report.response.dto.js';

@ApiTags('audit')
@Controller('audit/reports')
export class GetReportHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':report')
  @Roles(['oversight'])
  @ApiOperation({
    summary: 'An oversight report (گزارش نظارت) over the caller’s municipalities',
    description:
      'turnaround (median, 90th percentile by nearest rank, count: per permit stage and inquiry kind), ' +
      'deadlines (files and inquiries past their rule-set deadline now, and who holds them), overrides ' +
      '(design and fee overrides with their reasons), returns (per clerk and reason), after-hours (staff ' +
      'actions outside DAFTAR_WORKING_HOURS, Tehran time; public holidays are not known), conflicts (staff ' +
      'acting on files they applied for or own, by national id), logins (failure bursts of 5 in 15 minutes ' +
      'per username or address, locks, users from 3+ addresses a Tehran day; only users with a grant in the ' +
      'areas), activity (staff actions per Tehran hour and day), open-files (by status and kind). Rows ' +
      'naming a user carry their display name. The lists (overrides, after-hours, conflicts) come newest ' +
      'first, `pageSize` rows at a time: `page.truncated` says more match and `page.nextCursor` (passed ' +
      'as `cursor`) gives them; deadlines lists the 5000 most overdue files and inquiries of each ' +
      'municipality (`page.truncated` when there were more). `Accept: text/csv` for CSV (a page of a ' +
      'list, with `x-truncated` and `x-next-cursor` headers). The query is itself recorded.',
  })
  @ApiParam({ name: 'report', enum: BUILT_REPORT_NAMES })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: ReportResponseDto,
    description: '{ report, filters, rows, page? }, or the rows as CSV',
  })
  @ApiBadRequestResponse({
    description: 'REQUEST.INVALID, REQUEST.INVALID_CURSOR, AUDIT.INVALID_TIME, AUDIT.INVALID_TIME_RANGE',
  })
  @ApiForbiddenResponse({ description: 'AUDIT.OUT_OF_SCOPE: a municipality or region outside the grants' })
  async getReport(
    @Param('report', new ParseEnumPipe(BUILT_REPORT_NAMES)) report: BuiltReport,
    @Query() filter: GetReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportAnswer<object> | Readable> {
    const answer = await this.queries.execute(new GetReportQuery(caller, report, filter));
    if (!wantsCsv(accept)) return answer;
    // A CSV page says in its headers what the JSON says in `page`: that more rows follow, and from where.
    if (answer.page?.truncated) void reply.header('x-truncated', 'true');
    if (answer.page?.nextCursor) void reply.header('x-next-cursor', answer.page.nextCursor);
    return csvReply(reply, `${report}.csv`, csvColumnsOf(answer.rows), answer.rows);
  }
}
