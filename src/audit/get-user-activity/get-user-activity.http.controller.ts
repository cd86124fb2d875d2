import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { csvReply, wantsCsv } from '../../shared/http/csv-reply.js';
import { AUDIT_EVENT_COLUMNS } from '../audit-log/audit-event-row.response.dto.js';
import type { AuditSearchQueryDto } from '../audit-log/audit-filter.request.dto.js';
import { ExportAuditEventsQuery } from '../search-audit-events/search-audit-events.query.js';
import { GetUserActivityQuery } from './get-user-activity.query.js';
import { UserActivityDto } from './user-activity.response.dto.js';

@ApiTags('audit')
@Controller('audit/users')
export class GetUserActivityHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/activity')
  @Roles(['oversight'])
  @ApiOperation({
    summary: 'What one user did in the caller’s municipalities',
    description:
      'Their latest events, counts by type per Tehran day, the files they touched and their sign-ins ' +
      '(successes, failures, throttled bursts, with addresses). `Accept: text/csv`: all their events as CSV. ' +
      'Recorded.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: UserActivityDto })
  @ApiNotFoundResponse({
    description: 'AUDIT.USER_NOT_FOUND: unknown, or neither staff of nor active in your areas',
  })
  async getUserActivity(
    @Param('id') id: string,
    @Headers('accept') accept: string | undefined,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserActivityDto | Readable> {
    const activity = await this.queries.execute(new GetUserActivityQuery(caller, id));
    if (!wantsCsv(accept)) return activity;
    const asked = { actor: activity.user.id, pageSize: 1 } as AuditSearchQueryDto;
    const rows = await this.queries.execute(new ExportAuditEventsQuery(caller, asked, 'user-activity'));
    return csvReply(reply, `activity-${activity.user.username}.csv`, AUDIT_EVENT_COLUMNS, rows);
  }
}
