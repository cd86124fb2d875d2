import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { EstimateFeesQuery } from './estimate-fees.query.js';
import { EstimateFeesRequestDto } from './estimate-fees.request.dto.js';
import { FeeEstimateResponseDto } from './fee-estimate.response.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class EstimateFeesHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** The fees (عوارض) an application would cost, by the same rules for everyone. */
  @Get(':renewalCode/fee-estimate')
  @Public()
  @ApiOperation({ summary: 'Estimate the fees of an application on a parcel: line items and total in rials' })
  @ApiOkResponse({ type: FeeEstimateResponseDto })
  @ApiConflictResponse({ description: 'RULESET.NOT_IN_FORCE when the municipality has no rule set in force' })
  estimateFees(
    @Param('renewalCode') renewalCode: string,
    @Query() query: EstimateFeesRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FeeEstimateResponseDto> {
    return this.queries.execute(new EstimateFeesQuery(renewalCode, query, caller));
  }
}
