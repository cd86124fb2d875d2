import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ConsentListResponseDto } from '../consent.response.dto.js';
import { ListConsentsQuery } from './list-consents.query.js';

@ApiTags('consents')
@Controller('consents')
export class GetConsentsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(['citizen', 'counter_office'])
  @ApiOperation({ summary: "A citizen's own consents, or an office's, newest first (one page of 50)" })
  @ApiOkResponse({ type: ConsentListResponseDto })
  listConsents(@CurrentCaller() caller: Caller): Promise<ConsentListResponseDto> {
    return this.queries.execute(new ListConsentsQuery(caller));
  }
}
