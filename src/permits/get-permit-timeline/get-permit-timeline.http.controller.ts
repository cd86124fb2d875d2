import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PERMIT_READERS } from '../permit-access.js';
import { GetPermitTimelineQuery } from './get-permit-timeline.query.js';
import { PermitTimelineQueryDto } from './get-permit-timeline.request.dto.js';
import { PermitTimelineResponseDto } from './permit-timeline.response.dto.js';

@ApiTags('permits')
@Controller('permits')
export class GetPermitTimelineHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/timeline')
  @Roles(PERMIT_READERS)
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'Everything done on a permit file, by whom and when, oldest first' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @ApiOkResponse({ type: PermitTimelineResponseDto })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP' })
  @ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not the caller’s to see' })
  getPermitTimeline(
    @Param('id') id: string,
    @Query() query: PermitTimelineQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitTimelineResponseDto> {
    return this.queries.execute(new GetPermitTimelineQuery(caller, id, query));
  }
}
