import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { parseRenewalCode } from '../../parcels/renewal-code.js';
import { PageOf, pageOf, pageWindow, type PageResponse } from '../../shared/http/pagination.js';
import { InquiryResponseDto, toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { audienceOf, INQUIRY_READERS } from '../inquiry-access.js';
import { InquiriesReadModel } from '../inquiries.read-model.js';
import { ListInquiriesQueryDto } from './list-inquiries.request.dto.js';
import { inquiryWorklist, overdueFilters } from './inquiry-worklist.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class ListInquiriesHttpController {
  constructor(private readonly inquiries: InquiriesReadModel) {}

  @Get()
  @Roles(INQUIRY_READERS, { permission: 'inquiries:read' })
  @ApiOperation({
    summary: 'The caller’s inquiries, or the clerks’ worklist (کارتابل) of their municipality',
    description:
      'Notary offices, banks and utilities (people and API keys) see their organisation’s inquiries, citizens ' +
      'their own, oversight every inquiry of the municipality, clerks those awaiting a clerk, the nearest ' +
      'deadline first. `overdue` marks inquiries not answered by the rule set’s deadline for their kind.',
  })
  @ApiOkResponse({ type: PageOf(InquiryResponseDto) })
  @ApiBadRequestResponse({
    description:
      'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP, PARCEL.INVALID_RENEWAL_CODE',
  })
  list(
    @Query() query: ListInquiriesQueryDto,
    @CurrentCaller() caller: Caller,
  ): PageResponse<InquiryResponseDto> {
    const { status, kind, renewalCode, overdue, page, pageSize } = query;
    // The roles policy guarantees a principal and the grant it acts under.
    const worklist = inquiryWorklist(caller.signedIn, caller.grant!, status, {
      kind,
      renewalCode: renewalCode === undefined ? undefined : parseRenewalCode(renewalCode).text,
    });
    if (!worklist) return { items: [], total: 0, page, pageSize };
    const { where, orderBy, descending, regions } = worklist;
    const anyOf = [
      ...(regions ? [regions.map((region) => ({ region }))] : []),
      ...(overdue === undefined ? [] : [overdueFilters(overdue === 'true', caller.now)]),
    ];
    const found = this.inquiries.list({ where, anyOf, orderBy, descending, ...pageWindow(query, orderBy) });
    return pageOf(found, query, orderBy, (inquiry) =>
      toInquiryResponse(inquiry, audienceOf(caller, inquiry), caller.now),
    );
  }
}
