import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { csvReply, wantsCsv } from '../../shared/http/csv-reply.js';
import { AUDIT_EVENT_COLUMNS, AuditEventPageDto } from '../audit-log/audit-event-row.response.dto.js';
import { AuditSearchQueryDto } from '../audit-log/audit-filter.request.dto.js';
import { EXPORT_CAP } from './search-audit-events.handler.js';
import { ExportAuditEventsQuery, SearchAuditEventsQuery } from './search-audit-events.query.js';

@ApiTags('audit')
@Controller('audit/events')
export class SearchAuditEventsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(['oversight'])
  @ApiOperation({
    summary: 'Search the audit log (دفتر نظارت) of the caller’s municipalities',
    description:
      'Every event, newest first: who (name, role, office, on whose behalf, under which consent), what (fa, ' +
      'en), about whom, where and when. One subject at a time: renewalCode, permitId, inquiryId, documentCode ' +
      `or nationalId. \`Accept: text/csv\` downloads every page (at most ${EXPORT_CAP} rows, see the ` +
      '`Daftar-Export-Limit` header) with Jalali and ISO times. The search is itself recorded.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiBadRequestResponse({
    description:
      'REQUEST.INVALID, REQUEST.INVALID_CURSOR, AUDIT.INVALID_TIME, AUDIT.INVALID_TIME_RANGE, ' +
      'PARCEL.INVALID_RENEWAL_CODE',
  })
  @ApiForbiddenResponse({ description: 'AUDIT.OUT_OF_SCOPE: a municipality or region outside the grants' })
  async searchAuditEvents(
    @Query() asked: AuditSearchQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditEventPageDto | Readable> {
    if (!wantsCsv(accept)) return this.queries.execute(new SearchAuditEventsQuery(caller, asked));
    const rows = await this.queries.execute(new ExportAuditEventsQuery(caller, asked));
    void reply.header('daftar-export-limit', String(EXPORT_CAP));
    return csvReply(reply, 'audit-events.csv', AUDIT_EVENT_COLUMNS, rows);
  }
}
