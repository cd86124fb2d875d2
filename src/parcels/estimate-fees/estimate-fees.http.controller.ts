import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { calculateFees, type FeeEstimate } from '../../fees/calculate-fees.js';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { EstimateFeesRequestDto } from './estimate-fees.request.dto.js';

@ApiTags('parcels')
@Controller('parcels')
export class EstimateFeesHttpController {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  /** The fees (عوارض) an application would cost, by the same rules for everyone. */
  @Get(':renewalCode/fee-estimate')
  @Public()
  @ApiOperation({ summary: 'Estimate the fees of an application on a parcel: line items and total in rials' })
  @ApiOkResponse({ description: '{ renewalCode, municipality, ruleSetVersion, lines, total }' })
  @ApiConflictResponse({ description: 'RULESET.NOT_IN_FORCE when the municipality has no rule set in force' })
  estimate(
    @Param('renewalCode') renewalCode: string,
    @Query() query: EstimateFeesRequestDto,
    @CurrentCaller() caller: Caller,
  ): FeeEstimate & { renewalCode: string; municipality: string } {
    const parcel = this.parcels.find(renewalCode, query.municipality);
    const ruleSet = this.ruleSets.requireInForce(parcel.municipality, caller.now);
    const estimate = calculateFees({
      parcel,
      application: {
        type: query.type,
        use: query.use,
        floors: query.floors,
        floorAreaM2: query.area,
        units: query.units ?? 1,
        parkingSpaces: query.parking ?? 0,
      },
      ruleSet,
    });
    return { renewalCode: parcel.renewalCode, municipality: parcel.municipality, ...estimate };
  }
}
