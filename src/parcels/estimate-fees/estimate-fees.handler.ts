import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { calculateFees } from '../../fees/calculate-fees.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { EstimateFeesQuery } from './estimate-fees.query.js';
import type { FeeEstimateResponseDto } from './fee-estimate.response.dto.js';

@QueryHandler(EstimateFeesQuery)
export class EstimateFeesHandler implements IQueryHandler<EstimateFeesQuery> {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  async execute({ renewalCode, request, caller }: EstimateFeesQuery): Promise<FeeEstimateResponseDto> {
    const parcel = this.parcels.find(renewalCode, request.municipality);
    const ruleSet = this.ruleSets.requireInForce(parcel.municipality, caller.now);
    const estimate = calculateFees({
      parcel,
      application: {
        type: request.type,
        use: request.use,
        floors: request.floors,
        floorAreaM2: request.area,
        units: request.units ?? 1,
        parkingSpaces: request.parking ?? 0,
      },
      ruleSet,
    });
    return { renewalCode: parcel.renewalCode, municipality: parcel.municipality, ...estimate };
  }
}
