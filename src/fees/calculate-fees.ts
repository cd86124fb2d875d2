import { DomainError } from '../shared/domain-error.js';
import {
  ceilDiv,
  formatScaled,
  fromScaled,
  groupThousands,
  roundHalfUp,
  toScaled,
} from '../shared/scaled-decimal.js';
import { APPLICATION_TYPES, type ApplicationType, type RuleSet } from '../rule-sets/rule-set.js';
import { ruleSetDecimal, scaledZoningLimits } from '../rule-sets/zoning-limits.js';

export type FeeParcel = {
  readonly areaM2: number;
  readonly zone: string;
  /** The municipal region (منطقه) whose regional price P applies: `municipalRegionOf(renewalCode)`. */
  readonly region: string;
};

export type FeeApplication = {
  readonly type: ApplicationType;
  readonly use: string;
  readonly floors: number;
  /** The total floor area requested, at most 2 decimals. */
  readonly floorAreaM2: number;
  readonly units: number;
  /** Parking spaces the design provides; none when absent. */
  readonly parkingSpaces?: number;
};

export type FeeLineCode = 'PERMIT_FEE' | 'DENSITY_SURPLUS' | 'PARKING_SHORTFALL' | 'RENEWAL_FEE';

/** One fee item; amount = coefficient × base × rate, rounded half up to whole rials. */
export type FeeLine = {
  readonly code: FeeLineCode;
  readonly titleFa: string;
  readonly formula: string;
  /** The area (m²) or count (parking spaces) the line is computed on. */
  readonly base: number;
  readonly unit: 'm2' | 'space';
  readonly coefficient: number;
  /** Integer rials per unit of the base: the regional price P, or the price of a parking space. */
  readonly rate: number;
  readonly amount: number;
};

export type FeeEstimate = {
  readonly ruleSetVersion: number;
  readonly lines: readonly FeeLine[];
  /** Integer rials, the sum of the lines. */
  readonly total: number;
};

export type FeeInput = {
  readonly parcel: FeeParcel;
  readonly application: FeeApplication;
  readonly ruleSet: RuleSet;
};

const TITLES: { readonly [code in FeeLineCode]: string } = {
  PERMIT_FEE: 'عوارض صدور پروانه ساختمانی',
  DENSITY_SURPLUS: 'عوارض مازاد تراکم',
  PARKING_SHORTFALL: 'عوارض کسری پارکینگ',
  RENEWAL_FEE: 'عوارض تجدید پروانه ساختمانی',
};

/** A line as exact scaled integers: coefficient in 10^-c, base in 10^-b, rate in whole rials. */
type ExactLine = {
  readonly code: FeeLineCode;
  readonly formula: string;
  readonly coefficient: bigint;
  readonly coefficientDecimals: number;
  readonly base: bigint;
  readonly baseDecimals: number;
  readonly unit: FeeLine['unit'];
  readonly rate: bigint;
};

/**
 * The municipal fees (عوارض) of a permit application, in integer rials. Pure: the same parcel,
 * application and rule-set version always give the same lines. Everything is computed in BigInt on
 * scaled integers (areas in hundredths of a m², coefficients in thousandths) and each line is rounded
 * half up once; a line that comes to zero is left out.
 */
export function calculateFees({ parcel, application, ruleSet }: FeeInput): FeeEstimate {
  const { floorArea, units, parkingSpaces } = checkApplication(application);
  const { zoneRules, maxBuildableHundredths } = scaledZoningLimits(parcel, ruleSet);
  if (!zoneRules.allowedUses.includes(application.use)) {
    throw new DomainError(
      'FEE.USE_NOT_ALLOWED',
      `Use "${application.use}" is not allowed in zone ${parcel.zone}; allowed: ${zoneRules.allowedUses.join(', ')}`,
      'invalid',
      { use: application.use, zone: parcel.zone, allowedUses: zoneRules.allowedUses },
    );
  }
  const { tariffs } = ruleSet;
  if (!Object.hasOwn(tariffs.regionalPrices, parcel.region)) {
    throw new DomainError(
      'FEE.UNKNOWN_REGION',
      `Rule set version ${ruleSet.version} has no regional price for region ${parcel.region}`,
      'conflict',
      { region: parcel.region, ruleSetVersion: ruleSet.version },
    );
  }
  const price = ruleSetDecimal(tariffs.regionalPrices[parcel.region]!, 0, ruleSet);
  const useCoefficient = Object.hasOwn(tariffs.permitFeeCoefficients, application.use)
    ? ruleSetDecimal(tariffs.permitFeeCoefficients[application.use]!, 3, ruleSet)
    : undefined;
  if (useCoefficient === undefined) {
    // validateRuleSet refuses an allowed use without a coefficient.
    throw new DomainError(
      'RULESET.INVALID',
      `Rule set version ${ruleSet.version} prices no "${application.use}"`,
      'invalid',
    );
  }
  const area = `${formatScaled(floorArea, 2)} m²`;
  const rials = (n: bigint) => `${groupThousands(n)} ریال`;
  const permitFormula = `${formatScaled(useCoefficient, 3, true)} × ${area} × ${rials(price)}`;

  const exact: ExactLine[] = [];
  const type = application.type;
  switch (type) {
    case 'NewConstruction':
    case 'Reconstruction':
    case 'Extension': {
      exact.push({
        code: 'PERMIT_FEE',
        formula: permitFormula,
        ...perM2(useCoefficient, 3, floorArea, price),
      });
      const surplus = floorArea > maxBuildableHundredths ? floorArea - maxBuildableHundredths : 0n;
      const surplusCoefficient = ruleSetDecimal(tariffs.densitySurplusCoefficient, 3, ruleSet);
      exact.push({
        code: 'DENSITY_SURPLUS',
        formula:
          `${formatScaled(surplusCoefficient, 3, true)} × (${formatScaled(floorArea, 2)} − ` +
          `${formatScaled(maxBuildableHundredths, 2)}) m² × ${rials(price)}`,
        ...perM2(surplusCoefficient, 3, surplus, price),
      });
      // Spaces required: units × spaces per unit (thousandths), a part of a space counting as one.
      const perUnit = ruleSetDecimal(zoneRules.parkingPerUnit, 3, ruleSet);
      const requiredExact = units * perUnit;
      const required = ceilDiv(requiredExact, 1000n);
      const shortfall = required > parkingSpaces ? required - parkingSpaces : 0n;
      const product = `${units} × ${formatScaled(perUnit, 3, true)}`;
      const requiredText = requiredExact % 1000n === 0n ? product : `ceil(${product})`;
      const spacesText = parkingSpaces > 0n ? `(${requiredText} − ${parkingSpaces})` : requiredText;
      const perSpace = ruleSetDecimal(tariffs.parkingShortfallPerSpace, 0, ruleSet);
      exact.push({
        code: 'PARKING_SHORTFALL',
        formula: `${spacesText} × ${rials(perSpace)}`,
        coefficient: 1n,
        coefficientDecimals: 0,
        base: shortfall,
        baseDecimals: 0,
        unit: 'space',
        rate: perSpace,
      });
      break;
    }
    case 'Renewal': {
      // A demo tariff rule, not Hamedan's: renewing a permit (تجدید پروانه) costs renewalFeePct % of
      // the permit fee for the same floor area and use.
      const pct = ruleSetDecimal(tariffs.renewalFeePct, 2, ruleSet);
      exact.push({
        code: 'RENEWAL_FEE',
        formula: `${formatScaled(pct, 2, true)}% × ${permitFormula}`,
        // pct in hundredths of a percent = fraction in 10^-4, times the coefficient in 10^-3.
        ...perM2(pct * useCoefficient, 7, floorArea, price),
      });
      break;
    }
    default: {
      const unknown: never = type;
      throw new Error(`Unhandled application type ${String(unknown)}`);
    }
  }

  const lines = exact.map(toLine).filter((line) => line.amount > 0);
  const total = lines.reduce((sum, line) => sum + BigInt(line.amount), 0n);
  return { ruleSetVersion: ruleSet.version, lines, total: safeRials(total) };
}

function perM2(coefficient: bigint, coefficientDecimals: number, areaHundredths: bigint, price: bigint) {
  return {
    coefficient,
    coefficientDecimals,
    base: areaHundredths,
    baseDecimals: 2,
    unit: 'm2',
    rate: price,
  } as const;
}

function toLine(line: ExactLine): FeeLine {
  const scale = 10n ** BigInt(line.coefficientDecimals + line.baseDecimals);
  return {
    code: line.code,
    titleFa: TITLES[line.code],
    formula: line.formula,
    base: fromScaled(line.base, line.baseDecimals),
    unit: line.unit,
    coefficient: fromScaled(line.coefficient, line.coefficientDecimals),
    rate: Number(line.rate),
    amount: safeRials(roundHalfUp(line.coefficient * line.base * line.rate, scale)),
  };
}

function safeRials(amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DomainError(
      'FEE.AMOUNT_TOO_LARGE',
      'The fees exceed the largest amount that can be stated exactly; check the floor area',
      'invalid',
    );
  }
  return Number(amount);
}

function checkApplication(application: FeeApplication) {
  const invalid = (field: string, expected: string) =>
    new DomainError('FEE.INVALID_APPLICATION', `${field} must be ${expected}`, 'invalid', { field });
  const count = (value: unknown, min: number) =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? BigInt(value) : undefined;

  if (!(APPLICATION_TYPES as readonly unknown[]).includes(application.type)) {
    throw invalid('type', `one of ${APPLICATION_TYPES.join(', ')}`);
  }
  if (typeof application.use !== 'string' || application.use === '') {
    throw invalid('use', 'a land use, e.g. residential');
  }
  if (count(application.floors, 1) === undefined) throw invalid('floors', 'an integer of at least 1');
  const floorArea =
    typeof application.floorAreaM2 === 'number' ? toScaled(application.floorAreaM2, 2) : undefined;
  if (floorArea === undefined || floorArea < 0n) {
    throw invalid('floorAreaM2', 'a non-negative number of m² with at most 2 decimals');
  }
  const units = count(application.units, 0);
  if (units === undefined) throw invalid('units', 'a non-negative integer');
  const parkingSpaces = application.parkingSpaces === undefined ? 0n : count(application.parkingSpaces, 0);
  if (parkingSpaces === undefined) throw invalid('parkingSpaces', 'a non-negative integer');
  return { floorArea, units, parkingSpaces };
}
