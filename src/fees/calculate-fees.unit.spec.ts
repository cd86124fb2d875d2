import fc from 'fast-check';
import { APPLICATION_TYPES, validateRuleSet, type RuleSet } from '../rule-sets/rule-set.js';
import { demoRuleSet } from '../rule-sets/demo-rule-set.js';
import { roundHalfUp, toScaled } from '../shared/scaled-decimal.js';
import { calculateFees, type FeeApplication, type FeeInput, type FeeParcel } from './calculate-fees.js';

/** A small rule set whose figures are easy to follow by hand. */
const ruleSet: RuleSet = validateRuleSet({
  ...structuredClone(demoRuleSet),
  version: 7,
  zones: {
    A: {
      nameFa: 'آزمون',
      maxDensityPct: 150,
      maxOccupancyPct: 60,
      maxFloors: 3,
      allowedUses: ['residential', 'commercial'],
      minSetbackM: 2,
      parkingPerUnit: 1.5,
    },
  },
  tariffs: {
    regionalPrices: { '1': 1_200_000, '2': 999 },
    permitFeeCoefficients: { residential: 1.5, commercial: 3.25 },
    densitySurplusCoefficient: 2.5,
    parkingShortfallPerSpace: 150_000_000,
    renewalFeePct: 10,
  },
});
const parcel: FeeParcel = { areaM2: 200, zone: 'A', region: '1' }; // at most 300 m² of floor area
const application: FeeApplication = {
  type: 'NewConstruction',
  use: 'residential',
  floors: 2,
  floorAreaM2: 250,
  units: 2,
};
const fees = (a: Partial<FeeApplication>, p: Partial<FeeParcel> = {}) =>
  calculateFees({ parcel: { ...parcel, ...p }, application: { ...application, ...a }, ruleSet });

describe('calculateFees, by hand', () => {
  it('charges the permit fee by use, area and regional price, and the missing parking spaces', () => {
    expect(fees({})).toEqual({
      ruleSetVersion: 7,
      lines: [
        {
          code: 'PERMIT_FEE',
          titleFa: 'عوارض صدور پروانه ساختمانی',
          formula: '1.5 × 250.00 m² × 1,200,000 ریال',
          base: 250,
          unit: 'm2',
          coefficient: 1.5,
          rate: 1_200_000,
          amount: 450_000_000, // 1.5 × 250 × 1,200,000
        },
        {
          code: 'PARKING_SHORTFALL',
          titleFa: 'عوارض کسری پارکینگ',
          formula: '2 × 1.5 × 150,000,000 ریال',
          base: 3, // 2 units × 1.5 spaces, none provided
          unit: 'space',
          coefficient: 1,
          rate: 150_000_000,
          amount: 450_000_000,
        },
      ],
      total: 900_000_000,
    });
  });

  it('charges the floor area above the density limit, and parking rounded up to whole spaces', () => {
    const estimate = fees({ use: 'commercial', floorAreaM2: 345.5, units: 3, parkingSpaces: 2 });
    expect(
      estimate.lines.map(({ code, formula, base, amount }) => ({ code, formula, base, amount })),
    ).toEqual([
      {
        code: 'PERMIT_FEE',
        formula: '3.25 × 345.50 m² × 1,200,000 ریال',
        base: 345.5,
        amount: 1_347_450_000, // 3.25 × 345.5 × 1,200,000
      },
      {
        code: 'DENSITY_SURPLUS',
        formula: '2.5 × (345.50 − 300.00) m² × 1,200,000 ریال',
        base: 45.5,
        amount: 136_500_000, // 2.5 × 45.5 × 1,200,000
      },
      {
        code: 'PARKING_SHORTFALL',
        formula: '(ceil(3 × 1.5) − 2) × 150,000,000 ریال',
        base: 3, // ceil(4.5) = 5 required, 2 provided
        amount: 450_000_000,
      },
    ]);
    expect(estimate.total).toBe(1_933_950_000);
  });

  it('leaves out lines that come to nothing', () => {
    // exactly the density limit, and every required space provided
    const estimate = fees({ floorAreaM2: 300, units: 2, parkingSpaces: 3 });
    expect(estimate.lines.map((l) => l.code)).toEqual(['PERMIT_FEE']);
    expect(estimate.total).toBe(540_000_000);
    expect(fees({ floorAreaM2: 0, units: 0 })).toEqual({ ruleSetVersion: 7, lines: [], total: 0 });
  });

  it('charges a renewal only the renewal fee, 10 % of the permit fee', () => {
    expect(fees({ type: 'Renewal', floorAreaM2: 400, units: 9 })).toEqual({
      ruleSetVersion: 7,
      lines: [
        {
          code: 'RENEWAL_FEE',
          titleFa: 'عوارض تجدید پروانه ساختمانی',
          formula: '10% × 1.5 × 400.00 m² × 1,200,000 ریال',
          base: 400,
          unit: 'm2',
          coefficient: 0.15,
          rate: 1_200_000,
          amount: 72_000_000, // 10 % of 1.5 × 400 × 1,200,000
        },
      ],
      total: 72_000_000,
    });
  });

  it('rounds each line half up to whole rials, once', () => {
    const region2 = { region: '2' }; // P = 999
    // 1.5 × 1.00 × 999 = 1498.5 → 1499
    expect(fees({ floorAreaM2: 1, units: 0 }, region2).total).toBe(1499);
    // 3.25 × 0.01 × 999 = 32.4675 → 32
    expect(fees({ use: 'commercial', floorAreaM2: 0.01, units: 0 }, region2).total).toBe(32);
    // 10 % × 1.5 × 1.00 × 999 = 149.85 → 150, not 10 % of the rounded 1499
    expect(fees({ type: 'Renewal', floorAreaM2: 1 }, region2).total).toBe(150);
    // 2.5 × (300.01 − 300.00) × 999 = 24.975 → 25, next to 1.5 × 300.01 × 999 = 449,564.985 → 449,565
    expect(fees({ floorAreaM2: 300.01, units: 0 }, region2).lines.map((l) => l.amount)).toEqual([
      449_565, 25,
    ]);
  });

  it('prices the demo parcel 1-1-1-1-0-0-0', () => {
    // 250 m² in R2 (180 %, so 450 m²) in region 1 (P = 1,600,000), residential coefficient 1.2
    const estimate = calculateFees({
      parcel: { areaM2: 250, zone: 'R2', region: '1' },
      application: { type: 'NewConstruction', use: 'residential', floors: 3, floorAreaM2: 480, units: 3 },
      ruleSet: demoRuleSet,
    });
    expect(estimate.lines.map((l) => [l.code, l.amount])).toEqual([
      ['PERMIT_FEE', 921_600_000], // 1.2 × 480 × 1,600,000
      ['DENSITY_SURPLUS', 96_000_000], // 2 × 30 × 1,600,000
      ['PARKING_SHORTFALL', 450_000_000], // 3 × 1 × 150,000,000
    ]);
    expect(estimate).toMatchObject({ ruleSetVersion: 1, total: 1_467_600_000 });
  });
});

describe('calculateFees refuses', () => {
  it.each<[string, Partial<FeeApplication>, string]>([
    ['no floors', { floors: 0 }, 'floors'],
    ['a fraction of a floor', { floors: 1.5 }, 'floors'],
    ['a negative area', { floorAreaM2: -1 }, 'floorAreaM2'],
    ['an area with three decimals', { floorAreaM2: 250.125 }, 'floorAreaM2'],
    ['an area that is not a number', { floorAreaM2: Number.NaN }, 'floorAreaM2'],
    ['negative units', { units: -1 }, 'units'],
    ['a fraction of a parking space', { parkingSpaces: 0.5 }, 'parkingSpaces'],
    ['an unknown application type', { type: 'Demolition' as FeeApplication['type'] }, 'type'],
    ['an empty use', { use: '' }, 'use'],
  ])('%s', (_why, change, field) => {
    expect(() => fees(change)).toThrow(
      expect.objectContaining({ code: 'FEE.INVALID_APPLICATION', kind: 'invalid', details: { field } }),
    );
  });

  it('a use the zone does not allow', () => {
    expect(() => fees({ use: 'office' })).toThrow(
      expect.objectContaining({ code: 'FEE.USE_NOT_ALLOWED', kind: 'invalid' }),
    );
  });

  it.each(['9', '01', 'constructor'])('the region %p, which has no regional price', (region) => {
    expect(() => fees({}, { region })).toThrow(expect.objectContaining({ code: 'FEE.UNKNOWN_REGION' }));
  });

  it('a zone the rule set does not know', () => {
    expect(() => fees({}, { zone: 'R9' })).toThrow(expect.objectContaining({ code: 'RULESET.UNKNOWN_ZONE' }));
  });

  it('a parcel without area', () => {
    expect(() => fees({}, { areaM2: 0 })).toThrow(expect.objectContaining({ code: 'PARCEL.INVALID_AREA' }));
  });

  it('amounts beyond what a number holds exactly', () => {
    expect(() => fees({ floorAreaM2: 10 ** 12 })).toThrow(
      expect.objectContaining({ code: 'FEE.AMOUNT_TOO_LARGE' }),
    );
  });
});

describe('calculateFees, properties', () => {
  const decimal = (max: number, places: number) =>
    fc.integer({ min: 0, max: max * 10 ** places }).map((n) => n / 10 ** places);
  const anyRuleSet = fc
    .record({
      version: fc.integer({ min: 1, max: 1000 }),
      maxDensityPct: decimal(500, 2),
      maxOccupancyPct: decimal(100, 2),
      parkingPerUnit: decimal(3, 3),
      price: fc.integer({ min: 0, max: 5_000_000 }),
      residential: decimal(10, 3),
      commercial: decimal(10, 3),
      densitySurplusCoefficient: decimal(10, 3),
      parkingShortfallPerSpace: fc.integer({ min: 0, max: 500_000_000 }),
      renewalFeePct: decimal(100, 2),
    })
    .map((r) =>
      validateRuleSet({
        ...structuredClone(demoRuleSet),
        version: r.version,
        zones: {
          Z: {
            ...demoRuleSet.zones.M!,
            allowedUses: ['residential', 'commercial'],
            maxDensityPct: r.maxDensityPct,
            maxOccupancyPct: r.maxOccupancyPct,
            parkingPerUnit: r.parkingPerUnit,
          },
        },
        tariffs: {
          regionalPrices: { '3': r.price },
          permitFeeCoefficients: { residential: r.residential, commercial: r.commercial },
          densitySurplusCoefficient: r.densitySurplusCoefficient,
          parkingShortfallPerSpace: r.parkingShortfallPerSpace,
          renewalFeePct: r.renewalFeePct,
        },
      }),
    );
  const anyArea = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
  const anyInput: fc.Arbitrary<FeeInput> = fc.record({
    ruleSet: anyRuleSet,
    parcel: fc.record({
      areaM2: anyArea(10_000).filter((a) => a > 0),
      zone: fc.constant('Z'),
      region: fc.constant('3'),
    }),
    application: fc.record(
      {
        type: fc.constantFrom(...APPLICATION_TYPES),
        use: fc.constantFrom('residential', 'commercial'),
        floors: fc.integer({ min: 1, max: 30 }),
        floorAreaM2: anyArea(50_000),
        units: fc.integer({ min: 0, max: 300 }),
        parkingSpaces: fc.integer({ min: 0, max: 300 }),
      },
      { requiredKeys: ['type', 'use', 'floors', 'floorAreaM2', 'units'] },
    ),
  });

  it('is never negative, and every amount is a positive whole number of rials', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const { lines, total } = calculateFees(input);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(total)).toBe(true);
        for (const line of lines) {
          expect(Number.isSafeInteger(line.amount)).toBe(true);
          expect(line.amount).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('totals the sum of its lines', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const { lines, total } = calculateFees(input);
        expect(total).toBe(lines.reduce((sum, line) => sum + line.amount, 0));
      }),
    );
  });

  it('never falls as the floor area grows', () => {
    fc.assert(
      fc.property(anyInput, anyArea(50_000), (input, other) => {
        const [smaller, larger] = [input.application.floorAreaM2, other].sort((a, b) => a - b);
        const at = (floorAreaM2: number) =>
          calculateFees({ ...input, application: { ...input.application, floorAreaM2 } });
        const [low, high] = [at(smaller!), at(larger!)];
        expect(high.total).toBeGreaterThanOrEqual(low.total);
        for (const line of low.lines) {
          expect(high.lines.find((l) => l.code === line.code)?.amount).toBeGreaterThanOrEqual(line.amount);
        }
      }),
    );
  });

  it('is the same for the same inputs and rule-set version', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const first = calculateFees(input);
        expect(calculateFees(structuredClone(input))).toEqual(first);
        expect(first.ruleSetVersion).toBe(input.ruleSet.version);
      }),
    );
  });

  it('states each line so that coefficient × base × rate, rounded half up, is its amount', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const line of calculateFees(input).lines) {
          const exact = toScaled(line.coefficient, 7)! * toScaled(line.base, 2)! * BigInt(line.rate);
          expect(roundHalfUp(exact, 10n ** 9n)).toBe(BigInt(line.amount));
        }
      }),
    );
  });

  it('charges a renewal only the renewal fee, and nothing else the renewal fee', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const codes = calculateFees(input).lines.map((l) => l.code);
        if (input.application.type === 'Renewal') expect(codes.every((c) => c === 'RENEWAL_FEE')).toBe(true);
        else expect(codes).not.toContain('RENEWAL_FEE');
      }),
    );
  });
});
