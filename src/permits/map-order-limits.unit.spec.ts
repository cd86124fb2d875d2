import { demoRuleSet } from '../rule-sets/demo-rule-set.js';
import { mapOrderLimits } from './map-order-limits.js';

describe('mapOrderLimits', () => {
  it('applies the zone’s rules to the measured area', () => {
    expect(mapOrderLimits(demoRuleSet, 'M', { measuredAreaM2: 187.45 })).toEqual({
      zone: 'M',
      zoneNameFa: 'مختلط مسکونی و تجاری',
      parcelAreaM2: 187.45,
      maxDensityPct: 220,
      maxOccupancyPct: 55,
      maxFloors: 4,
      maxBuildableAreaM2: 412.39,
      maxGroundCoverageM2: 103.09,
      allowedUses: ['residential', 'commercial', 'office'],
      minSetbackM: 1.5,
      parkingPerUnit: 1,
    });
  });

  it('refuses an unknown zone and an impossible area as zoningLimits does', () => {
    expect(() => mapOrderLimits(demoRuleSet, 'Q', { measuredAreaM2: 100 })).toThrow(
      expect.objectContaining({ code: 'RULESET.UNKNOWN_ZONE' }),
    );
    expect(() => mapOrderLimits(demoRuleSet, 'R1', { measuredAreaM2: 100.001 })).toThrow(
      expect.objectContaining({ code: 'PARCEL.INVALID_AREA' }),
    );
  });
});
