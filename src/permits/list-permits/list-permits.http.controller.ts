import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PageOf, type PageResponse } from '../../shared/http/pagination.js';
import { PERMIT_READERS } from '../permit-access.js';
import { ListPermitsQuery } from './list-permits.query.js';
import { ListPermitsQueryDto } from './list-permits.request.dto.js';
import { PermitSummaryDto } from './permit-summary.response.dto.js';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';

@ApiTags('permits')
@Controller('permits')
export class ListPermitsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(PERMIT_READERS)
  @ApiPurposeHeader()
  @ApiOperation({
    summary: 'The caller’s worklist (کارتابل) of permit files',
    description:
      'Clerks, signatories and cashiers see what waits for them in their municipality (oversight: every file), ' +
      'surveyors the files assigned to them, citizens their own, counter offices those of the citizen they act ' +
      'for, engineers the files their office is nominated for, without the applicant’s national id. `status` ' +
      'replaces the default worklist.',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices (required): the national id of the citizen they act for',
  })
  @ApiOkResponse({ type: PageOf(PermitSummaryDto) })
  @ApiBadRequestResponse({
    description:
      'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP, PARCEL.INVALID_RENEWAL_CODE, ' +
      'PERMIT.ON_BEHALF_OF_REQUIRED',
  })
  listPermits(
    @Query() query: ListPermitsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PageResponse<PermitSummaryDto>> {
    return this.queries.execute(new ListPermitsQuery(caller, query));
  }
}
