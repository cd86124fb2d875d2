import { DomainError } from '../shared/domain-error.js';
import { fromScaled, toScaled } from '../shared/scaled-decimal.js';
import type { RuleSet, ZoneRules } from './rule-set.js';

/** What the detailed plan allows on one parcel. */
export type ZoningLimits = {
  readonly zone: string;
  readonly zoneNameFa: string;
  readonly maxDensityPct: number;
  readonly maxOccupancyPct: number;
  readonly maxFloors: number;
  /** Parcel area × density, rounded down to hundredths of a m². */
  readonly maxBuildableAreaM2: number;
  /** Parcel area × occupancy, rounded down to hundredths of a m². */
  readonly maxGroundCoverageM2: number;
  readonly allowedUses: readonly string[];
  readonly minSetbackM: number;
  readonly parkingPerUnit: number;
  readonly ruleSetVersion: number;
};

export type ZonedParcel = { readonly areaM2: number; readonly zone: string };

/** The limits as exact integers, for the fee calculation. */
export type ScaledZoningLimits = {
  readonly limits: ZoningLimits;
  readonly zoneRules: ZoneRules;
  readonly areaHundredths: bigint;
  readonly maxBuildableHundredths: bigint;
};

export function zoningLimits(parcel: ZonedParcel, ruleSet: RuleSet): ZoningLimits {
  return scaledZoningLimits(parcel, ruleSet).limits;
}

export function scaledZoningLimits(parcel: ZonedParcel, ruleSet: RuleSet): ScaledZoningLimits {
  const areaHundredths = toScaled(parcel.areaM2, 2);
  if (areaHundredths === undefined || areaHundredths <= 0n) {
    throw new DomainError(
      'PARCEL.INVALID_AREA',
      'A parcel area must be a positive number of m² with at most 2 decimals',
      'invalid',
      { areaM2: parcel.areaM2 },
    );
  }
  const zoneRules = zoneOf(ruleSet, parcel.zone);
  // area (hundredths of m²) × pct (hundredths of a %) / 100² = hundredths of m², rounded down.
  const share = (pct: number) => (areaHundredths * ruleSetDecimal(pct, 2, ruleSet)) / 10_000n;
  const maxBuildableHundredths = share(zoneRules.maxDensityPct);
  return {
    areaHundredths,
    maxBuildableHundredths,
    zoneRules,
    limits: {
      zone: parcel.zone,
      zoneNameFa: zoneRules.nameFa,
      maxDensityPct: zoneRules.maxDensityPct,
      maxOccupancyPct: zoneRules.maxOccupancyPct,
      maxFloors: zoneRules.maxFloors,
      maxBuildableAreaM2: fromScaled(maxBuildableHundredths, 2),
      maxGroundCoverageM2: fromScaled(share(zoneRules.maxOccupancyPct), 2),
      allowedUses: zoneRules.allowedUses,
      minSetbackM: zoneRules.minSetbackM,
      parkingPerUnit: zoneRules.parkingPerUnit,
      ruleSetVersion: ruleSet.version,
    },
  };
}

export function zoneOf(ruleSet: RuleSet, zone: string): ZoneRules {
  // hasOwn, so that "constructor" or "__proto__" is an unknown zone and not an Object method.
  if (!Object.hasOwn(ruleSet.zones, zone)) {
    throw new DomainError(
      'RULESET.UNKNOWN_ZONE',
      `Zone "${zone}" is not in rule set version ${ruleSet.version}`,
      'conflict',
      { zone, ruleSetVersion: ruleSet.version },
    );
  }
  return ruleSet.zones[zone]!;
}

/**
 * A rule-set decimal as a scaled integer. The schema allows no more places than this, so a
 * failure means the rule set skipped `validateRuleSet`.
 */
export function ruleSetDecimal(value: number, decimals: number, ruleSet: RuleSet): bigint {
  const result = toScaled(value, decimals);
  if (result === undefined || result < 0n) {
    throw new DomainError(
      'RULESET.INVALID',
      `Rule set version ${ruleSet.version} holds ${value}, not a non-negative number with at most ${decimals} decimals`,
      'invalid',
    );
  }
  return result;
}
