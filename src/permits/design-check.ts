import { DomainError } from '../shared/domain-error.js';
import { ceilDiv, fromScaled, toScaled } from '../shared/scaled-decimal.js';
import type { MapOrderLimits } from './map-order-limits.js';

/** An engineer's design (نقشه) as submitted against a map order; areas in m², at most 2 decimals. */
export type Design = {
  readonly floors: number;
  /** One per floor, from the lowest. */
  readonly floorAreasM2: readonly number[];
  readonly units: number;
  /** A land use (کاربری) code such as residential. */
  readonly use: string;
  readonly parkingSpaces: number;
  readonly groundCoverageM2: number;
  readonly setbackM: number;
};

type NumericRule = 'MAX_FLOORS' | 'MAX_DENSITY' | 'MAX_OCCUPANCY' | 'MIN_SETBACK' | 'PARKING';

/**
 * Where a design exceeds its map order. Areas are in m²: MAX_DENSITY compares the total floor area
 * with the maximum buildable area, MAX_OCCUPANCY the ground coverage with the maximum; PARKING counts
 * spaces (units × spaces per unit, a part of a space counting as one).
 */
export type DesignViolation =
  | {
      readonly rule: NumericRule;
      readonly limit: number;
      readonly actual: number;
      readonly message: string;
    }
  | {
      readonly rule: 'USE_NOT_ALLOWED';
      readonly limit: readonly string[];
      readonly actual: string;
      readonly message: string;
    };

/**
 * The design's violations of the limits, in a fixed order; none for a design that complies. For an
 * extension (توسعه بنا) the design is what is added: `existingAreaM2`, the floor area of the building
 * that stays, counts towards the density with it.
 */
export function checkDesign(design: Design, limits: MapOrderLimits, existingAreaM2 = 0): DesignViolation[] {
  const violations: DesignViolation[] = [];
  const numeric = (rule: NumericRule, limit: number, actual: number, message: string) =>
    violations.push({ rule, limit, actual, message });

  if (design.floors > limits.maxFloors) {
    numeric(
      'MAX_FLOORS',
      limits.maxFloors,
      design.floors,
      `${design.floors} floors; the map order allows at most ${limits.maxFloors}`,
    );
  }
  const floorArea = design.floorAreasM2.reduce(
    (sum, area) => sum + hundredths(area),
    hundredths(existingAreaM2),
  );
  if (floorArea > hundredths(limits.maxBuildableAreaM2)) {
    const actual = fromScaled(floorArea, 2);
    const existing = existingAreaM2 > 0 ? ` with the existing building's ${existingAreaM2} m²` : '';
    numeric(
      'MAX_DENSITY',
      limits.maxBuildableAreaM2,
      actual,
      `${actual} m² of floor area${existing}; the density of ${limits.maxDensityPct} % allows at most ${limits.maxBuildableAreaM2} m²`,
    );
  }
  if (hundredths(design.groundCoverageM2) > hundredths(limits.maxGroundCoverageM2)) {
    numeric(
      'MAX_OCCUPANCY',
      limits.maxGroundCoverageM2,
      design.groundCoverageM2,
      `${design.groundCoverageM2} m² of ground coverage; the occupancy of ${limits.maxOccupancyPct} % allows at most ${limits.maxGroundCoverageM2} m²`,
    );
  }
  if (design.setbackM < limits.minSetbackM) {
    numeric(
      'MIN_SETBACK',
      limits.minSetbackM,
      design.setbackM,
      `a setback of ${design.setbackM} m; the map order requires at least ${limits.minSetbackM} m`,
    );
  }
  if (!limits.allowedUses.includes(design.use)) {
    violations.push({
      rule: 'USE_NOT_ALLOWED',
      limit: limits.allowedUses,
      actual: design.use,
      message: `the use "${design.use}" is not allowed; allowed: ${limits.allowedUses.join(', ')}`,
    });
  }
  const required = Number(ceilDiv(BigInt(design.units) * thousandths(limits.parkingPerUnit), 1000n));
  if (design.parkingSpaces < required) {
    numeric(
      'PARKING',
      required,
      design.parkingSpaces,
      `${design.parkingSpaces} parking spaces for ${design.units} units; the map order requires ${required}`,
    );
  }
  return violations;
}

/** PERMIT.INVALID_DESIGN naming the first field that is not a possible design, or undefined. */
export function designProblem(design: Design): DomainError | undefined {
  const field = invalidField(design);
  return field === undefined
    ? undefined
    : new DomainError('PERMIT.INVALID_DESIGN', `The design's ${field} is not valid`, 'invalid', { field });
}

function invalidField(design: Design): string | undefined {
  const count = (n: number, min: number, max = 100_000) => Number.isInteger(n) && n >= min && n <= max;
  if (!count(design.floors, 1, 200)) return 'floors';
  if (
    design.floorAreasM2.length !== design.floors ||
    !design.floorAreasM2.every((area) => isArea(area) && area > 0)
  ) {
    return 'floorAreasM2';
  }
  if (!count(design.units, 1)) return 'units';
  if (!/^[a-z][a-z_]{1,31}$/.test(design.use)) return 'use';
  if (!count(design.parkingSpaces, 0)) return 'parkingSpaces';
  if (!(isArea(design.groundCoverageM2) && design.groundCoverageM2 > 0)) return 'groundCoverageM2';
  if (!(isArea(design.setbackM) && design.setbackM <= 1000)) return 'setbackM';
  return undefined;
}

/** A non-negative number of m² (or m) with at most 2 decimals, below ten million. */
function isArea(value: number): boolean {
  const scaled = toScaled(value, 2);
  return scaled !== undefined && scaled >= 0n && value <= 10_000_000;
}

// Both only see values with at most 2 (or 3) decimals, so rounding is exact.
const hundredths = (value: number) => BigInt(Math.round(value * 100));
const thousandths = (value: number) => BigInt(Math.round(value * 1000));
