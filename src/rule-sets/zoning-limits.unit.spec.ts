import { DomainError } from '../shared/domain-error.js';
import { demoRuleSet } from './demo-rule-set.js';
import { zoningLimits } from './zoning-limits.js';

describe('zoningLimits', () => {
  it('gives the limits of the parcel zone', () => {
    expect(zoningLimits({ areaM2: 250, zone: 'R2' }, demoRuleSet)).toEqual({
      zone: 'R2',
      zoneNameFa: 'مسکونی تراکم متوسط',
      maxDensityPct: 180,
      maxOccupancyPct: 60,
      maxFloors: 3,
      maxBuildableAreaM2: 450,
      maxGroundCoverageM2: 150,
      allowedUses: ['residential'],
      minSetbackM: 2,
      parkingPerUnit: 1,
      ruleSetVersion: 1,
    });
  });

  it('rounds areas down to hundredths of a m²', () => {
    // 187.45 × 2.2 = 412.39; 187.45 × 0.55 = 103.0975 → 103.09
    const limits = zoningLimits({ areaM2: 187.45, zone: 'M' }, demoRuleSet);
    expect(limits.maxBuildableAreaM2).toBe(412.39);
    expect(limits.maxGroundCoverageM2).toBe(103.09);
    // 100.01 × 1.2 = 120.012 → 120.01
    expect(zoningLimits({ areaM2: 100.01, zone: 'R1' }, demoRuleSet).maxBuildableAreaM2).toBe(120.01);
  });

  it.each(['Q', 'r1', 'constructor', '__proto__', 'toString'])('refuses the unknown zone %p', (zone) => {
    expect(() => zoningLimits({ areaM2: 100, zone }, demoRuleSet)).toThrow(
      expect.objectContaining({ code: 'RULESET.UNKNOWN_ZONE', details: { zone, ruleSetVersion: 1 } }),
    );
  });

  it.each([0, -5, 100.001, Number.NaN, Number.POSITIVE_INFINITY])('refuses a parcel area of %p', (areaM2) => {
    expect(() => zoningLimits({ areaM2, zone: 'R1' }, demoRuleSet)).toThrow(DomainError);
    expect(() => zoningLimits({ areaM2, zone: 'R1' }, demoRuleSet)).toThrow(
      expect.objectContaining({ code: 'PARCEL.INVALID_AREA', kind: 'invalid' }),
    );
  });
});
