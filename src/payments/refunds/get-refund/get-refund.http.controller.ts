import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../../audit/record-access/purpose-header.js';
import { Roles } from '../../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { REFUND_READERS } from '../refund-access.js';
import { RefundResponseDto } from '../refund.response.dto.js';
import { GetRefundQuery } from './get-refund.query.js';

@ApiTags('refunds')
@Controller('refunds')
export class GetRefundHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':refundId')
  @Roles(REFUND_READERS)
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'A refund: its amount, who requested and decided it, and how it was paid' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the payer they act for',
  })
  @ApiOkResponse({ type: RefundResponseDto })
  @ApiNotFoundResponse({ description: 'REFUND.NOT_FOUND: unknown, or not the caller’s to see' })
  getRefund(
    @Param('refundId') refundId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundResponseDto> {
    return this.queries.execute(new GetRefundQuery(refundId, caller));
  }
}
