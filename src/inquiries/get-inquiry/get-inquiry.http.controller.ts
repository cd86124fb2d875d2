import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { audienceOf, INQUIRY_READERS, InquiryAccess } from '../inquiry-access.js';
import { InquiryResponseDto, toInquiryResponse } from './inquiry.response.dto.js';

@ApiTags('inquiries')
@Controller('inquiries')
export class GetInquiryHttpController {
  constructor(private readonly access: InquiryAccess) {}

  /** What a requester polls after a 202: the status, and the answer with its document once there. */
  @Get(':id')
  @Roles(INQUIRY_READERS, { permission: 'inquiries:read' })
  @ApiOperation({ summary: 'A property inquiry (استعلام): its status, what stands in the way, the answer' })
  @ApiOkResponse({ type: InquiryResponseDto })
  @ApiNotFoundResponse({ description: 'INQUIRY.NOT_FOUND: unknown, or not the caller’s to see' })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): InquiryResponseDto {
    const inquiry = this.access.readable(caller, id);
    return toInquiryResponse(inquiry, audienceOf(caller, inquiry), caller.now);
  }
}
