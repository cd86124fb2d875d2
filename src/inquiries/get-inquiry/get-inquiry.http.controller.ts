import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { INQUIRY_READERS } from '../inquiry-access.js';
import { GetInquiryQuery } from './get-inquiry.query.js';
import { InquiryResponseDto } from './inquiry.response.dto.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class GetInquiryHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** What a requester polls after a 202: the status, and the answer with its document once there. */
  @Get(':id')
  @Roles(INQUIRY_READERS, { permission: 'inquiries:read' })
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'A property inquiry (استعلام): its status, what stands in the way, the answer' })
  @ApiOkResponse({ type: InquiryResponseDto })
  @ApiNotFoundResponse({ description: 'INQUIRY.NOT_FOUND: unknown, or not the caller’s to see' })
  getInquiry(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<InquiryResponseDto> {
    return this.queries.execute(new GetInquiryQuery(id, caller));
  }
}
