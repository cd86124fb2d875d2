import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PageOf, type PageResponse } from '../../shared/http/pagination.js';
import { InquiryResponseDto } from '../get-inquiry/inquiry.response.dto.js';
import { INQUIRY_READERS } from '../inquiry-access.js';
import { ListInquiriesQuery } from './list-inquiries.query.js';
import { ListInquiriesQueryDto } from './list-inquiries.request.dto.js';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class ListInquiriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(INQUIRY_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({
    summary: 'The caller’s inquiries, or the clerks’ worklist (کارتابل) of their municipality',
    description:
      'Notary offices, banks and utilities (people and API keys) see their organisation’s inquiries, citizens ' +
      'their own, counter offices those of the citizen named in X-On-Behalf-Of (their own worklist is ' +
      'GET /counter-office/files), oversight every inquiry of the municipality, clerks those awaiting a clerk, the nearest ' +
      'deadline first. `overdue` marks inquiries not answered by the rule set’s deadline for their kind.',
  })
  @ApiOkResponse({ type: PageOf(InquiryResponseDto) })
  @ApiBadRequestResponse({
    description:
      'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP, PARCEL.INVALID_RENEWAL_CODE',
  })
  listInquiries(
    @Query() query: ListInquiriesQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PageResponse<InquiryResponseDto>> {
    return this.queries.execute(new ListInquiriesQuery(query, caller));
  }
}
