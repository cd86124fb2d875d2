import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../../audit/record-access/purpose-header.js';
import { Roles } from '../../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../../identity/auth/caller.decorator.js';
import { REFUND_READERS } from '../refund-access.js';
import { ListRefundsQuery } from './list-refunds.query.js';
import { RefundListResponseDto } from './refund-list.response.dto.js';

@ApiTags('refunds')
@Controller('permits/:id/refunds')
export class ListRefundsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(REFUND_READERS)
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'The refunds of a permit file, for its payer and the municipality’s staff' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the payer they act for',
  })
  @ApiOkResponse({ type: RefundListResponseDto })
  @ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not the caller’s to see' })
  listRefunds(
    @Param('id') permitId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<RefundListResponseDto> {
    return this.queries.execute(new ListRefundsQuery(permitId, caller));
  }
}
