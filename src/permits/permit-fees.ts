import { Injectable } from '@nestjs/common';
import { calculateFees, type FeeEstimate } from '../fees/calculate-fees.js';
import { ParcelsReadModel } from '../parcels/parcels.read-model.js';
import { RuleSetsReadModel } from '../rule-sets/rule-sets.read-model.js';
import type { Design } from './design-check.js';
import type { MapOrderLimits } from './map-order-limits.js';
import type { PermitFile } from './permit.state.js';

/**
 * The fees (عوارض) of an approved design, by the rule set in force on the day it was approved, on the
 * parcel area the surveyor measured.
 */
@Injectable()
export class PermitFees {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
  ) {}

  estimate(
    file: Pick<PermitFile, 'municipality' | 'renewalCode' | 'applicationType'>,
    limits: Pick<MapOrderLimits, 'parcelAreaM2'>,
    design: Design,
    at: string,
  ): FeeEstimate {
    const parcel = this.parcels.find(file.renewalCode, file.municipality);
    const floorArea = design.floorAreasM2.reduce((sum, area) => sum + area, 0);
    return calculateFees({
      parcel: { areaM2: limits.parcelAreaM2, zone: parcel.zone, region: parcel.region },
      application: {
        type: file.applicationType,
        use: design.use,
        floors: design.floors,
        // Summed in binary floating point; the areas have at most 2 decimals, and so does their sum.
        floorAreaM2: Math.round(floorArea * 100) / 100,
        units: design.units,
        parkingSpaces: design.parkingSpaces,
      },
      ruleSet: this.ruleSets.requireInForce(file.municipality, at),
    });
  }
}
