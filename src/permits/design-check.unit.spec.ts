import { demoRuleSet } from '../rule-sets/demo-rule-set.js';
import { checkDesign, designProblem, type Design } from './design-check.js';
import { mapOrderLimits } from './map-order-limits.js';
import { compliantDesign, limits, violatingDesign } from './permit.fixtures.js';

const rulesOf = (design: Design) => checkDesign(design, limits).map((v) => v.rule);

describe('checkDesign', () => {
  it('finds nothing in a design at the limits', () => {
    expect(checkDesign(compliantDesign, limits)).toEqual([]);
    const atLimits = { ...compliantDesign, floorAreasM2: [150, 150, 150] };
    expect(checkDesign(atLimits, limits)).toEqual([]);
  });

  it('lists every violation with its limit and the design’s value', () => {
    expect(checkDesign(violatingDesign, limits)).toEqual([
      { rule: 'MAX_FLOORS', limit: 3, actual: 4, message: '4 floors; the map order allows at most 3' },
      {
        rule: 'MAX_DENSITY',
        limit: 450,
        actual: 600,
        message: '600 m² of floor area; the density of 180 % allows at most 450 m²',
      },
      {
        rule: 'MAX_OCCUPANCY',
        limit: 150,
        actual: 160,
        message: '160 m² of ground coverage; the occupancy of 60 % allows at most 150 m²',
      },
      {
        rule: 'MIN_SETBACK',
        limit: 2,
        actual: 1.5,
        message: 'a setback of 1.5 m; the map order requires at least 2 m',
      },
      {
        rule: 'PARKING',
        limit: 4,
        actual: 2,
        message: '2 parking spaces for 4 units; the map order requires 4',
      },
    ]);
  });

  it('refuses a use the zone does not allow, naming the allowed ones', () => {
    expect(checkDesign({ ...compliantDesign, use: 'commercial' }, limits)).toEqual([
      {
        rule: 'USE_NOT_ALLOWED',
        limit: ['residential'],
        actual: 'commercial',
        message: 'the use "commercial" is not allowed; allowed: residential',
      },
    ]);
  });

  it('adds floor areas exactly, in hundredths of a m²', () => {
    // 149.9 + 150.05 + 150.05 is 450.00000000000006 in floating point.
    expect(rulesOf({ ...compliantDesign, floorAreasM2: [149.9, 150.05, 150.05] })).toEqual([]);
    const over = checkDesign({ ...compliantDesign, floorAreasM2: [149.9, 150.05, 150.06] }, limits);
    expect(over).toEqual([expect.objectContaining({ rule: 'MAX_DENSITY', actual: 450.01 })]);
  });

  it('compares ground coverage to the hundredth', () => {
    expect(rulesOf({ ...compliantDesign, groundCoverageM2: 150.01 })).toEqual(['MAX_OCCUPANCY']);
  });

  it('counts a part of a parking space as a whole one', () => {
    const commercial = mapOrderLimits(demoRuleSet, 'C1', { measuredAreaM2: 250 }); // 0.5 a unit
    const shops = { ...compliantDesign, use: 'commercial', setbackM: 0, units: 3 };
    expect(checkDesign({ ...shops, parkingSpaces: 2 }, commercial)).toEqual([]);
    expect(checkDesign({ ...shops, parkingSpaces: 1 }, commercial)).toEqual([
      expect.objectContaining({ rule: 'PARKING', limit: 2, actual: 1 }),
    ]);
  });
});

describe('designProblem', () => {
  it('accepts a possible design', () => {
    expect(designProblem(compliantDesign)).toBeUndefined();
    expect(designProblem(violatingDesign)).toBeUndefined();
  });

  it.each([
    ['floors', { floors: 0, floorAreasM2: [] }],
    ['floors', { floors: 2.5 }],
    ['floorAreasM2', { floorAreasM2: [150, 150] }],
    ['floorAreasM2', { floorAreasM2: [150, 150, 0] }],
    ['floorAreasM2', { floorAreasM2: [150, 150, 140.001] }],
    ['units', { units: 0 }],
    ['use', { use: 'Residential' }],
    ['parkingSpaces', { parkingSpaces: -1 }],
    ['groundCoverageM2', { groundCoverageM2: 0 }],
    ['setbackM', { setbackM: -0.5 }],
    ['setbackM', { setbackM: Number.POSITIVE_INFINITY }],
  ])('refuses an invalid %s', (field, change) => {
    expect(designProblem({ ...compliantDesign, ...change })).toMatchObject({
      code: 'PERMIT.INVALID_DESIGN',
      kind: 'invalid',
      details: { field },
    });
  });
});
