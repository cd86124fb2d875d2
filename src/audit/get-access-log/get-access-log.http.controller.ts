import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PaginationQueryDto } from '../../shared/http/pagination.js';
import { AccessLogPageDto } from './access-log.response.dto.js';
import { GetAccessLogQuery } from './get-access-log.query.js';

@ApiTags('me')
@Controller('me')
export class GetAccessLogHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('access-log')
  @Roles(['citizen'])
  @ApiOperation({ summary: 'Who read what of my data, and when: newest first (گزارش دسترسی)' })
  @ApiOkResponse({ type: AccessLogPageDto })
  getAccessLog(
    @Query() page: PaginationQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AccessLogPageDto> {
    return this.queries.execute(new GetAccessLogQuery(caller, page));
  }
}
