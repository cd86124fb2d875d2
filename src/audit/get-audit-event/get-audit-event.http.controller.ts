import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { AuditEventDto } from './audit-event.response.dto.js';
import { GetAuditEventQuery } from './get-audit-event.query.js';

@ApiTags('audit')
@Controller('audit/events')
export class GetAuditEventHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles(['oversight'])
  @ApiOperation({
    summary: 'One event of the audit log, whole',
    description:
      'The event as recorded, with password hashes, code digests and request digests replaced by ' +
      '`[redacted]`. An event outside the caller’s municipalities is 404, like an unknown one. Recorded.',
  })
  @ApiOkResponse({ type: AuditEventDto })
  @ApiNotFoundResponse({ description: 'AUDIT.EVENT_NOT_FOUND' })
  getAuditEvent(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<AuditEventDto> {
    return this.queries.execute(new GetAuditEventQuery(caller, id));
  }
}
