import { DomainError } from '../shared/domain-error.js';
import { demoRuleSet } from './demo-rule-set.js';
import { validateRuleSet, type RuleSetProblem } from './rule-set.js';
import { ruleSetJsonSchema } from './rule-set.schema.js';

/** A deep, mutable copy of the demo rule set to spoil. */
const draft = (): Record<string, any> => structuredClone(demoRuleSet) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(input: unknown): readonly RuleSetProblem[] {
  try {
    validateRuleSet(input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'RULESET.INVALID', kind: 'invalid' });
    return (error as DomainError).details!.errors as RuleSetProblem[];
  }
  throw new Error('validateRuleSet accepted the input');
}

describe('validateRuleSet', () => {
  it('accepts a valid rule set and returns it', () => {
    const input = draft();
    expect(validateRuleSet(input)).toBe(input);
  });

  it.each([null, 42, 'rules', [], {}])('refuses %p', (input) => {
    expect(problemsOf(input).length).toBeGreaterThan(0);
  });

  it('names a missing field by its path', () => {
    const input = draft();
    delete input.tariffs.renewalFeePct;
    delete input.zones.R1.maxFloors;
    expect(problemsOf(input)).toEqual(
      expect.arrayContaining([
        { path: '/tariffs/renewalFeePct', message: 'is required' },
        { path: '/zones/R1/maxFloors', message: 'is required' },
      ]),
    );
  });

  it('refuses unknown fields everywhere', () => {
    const input = draft();
    input.author = 'x';
    input.zones.R2.colour = 'yellow';
    input.tariffs.discount = 5;
    input.requiredDocuments.Demolition = [];
    input.inquiryDeadlineDays.Court = 3;
    expect(problemsOf(input)).toEqual([
      { path: '/author', message: 'is not a known field' },
      { path: '/zones/R2/colour', message: 'is not a known field' },
      { path: '/tariffs/discount', message: 'is not a known field' },
      { path: '/requiredDocuments/Demolition', message: 'is not a known field' },
      { path: '/inquiryDeadlineDays/Court', message: 'is not a known field' },
    ]);
  });

  it('reports every problem at once, each with a readable message', () => {
    const input = draft();
    input.version = 0;
    input.effectiveFrom = '2026-02-30';
    input.zones.R1.maxOccupancyPct = 101;
    input.zones.R1.maxFloors = 2.5;
    input.tariffs.regionalPrices['2'] = 1_300_000.5;
    input.tariffs.permitFeeCoefficients.residential = 1.2345;
    input.tariffs.renewalFeePct = 10.001;
    input.sla.review = 0;
    input.permitValidityMonths = '24';
    expect(problemsOf(input)).toEqual([
      { path: '/version', message: 'must be >= 1' },
      { path: '/effectiveFrom', message: 'must match format "date"' },
      { path: '/zones/R1/maxOccupancyPct', message: 'must be <= 100' },
      { path: '/zones/R1/maxFloors', message: 'must be integer' },
      { path: '/tariffs/regionalPrices/2', message: 'must be integer' },
      { path: '/tariffs/permitFeeCoefficients/residential', message: 'must have at most 3 decimals' },
      { path: '/tariffs/renewalFeePct', message: 'must have at most 2 decimals' },
      { path: '/sla/review', message: 'must be >= 1' },
      { path: '/permitValidityMonths', message: 'must be integer' },
    ]);
  });

  it('accepts coefficients with three decimals despite binary floating point', () => {
    const input = draft();
    input.tariffs.permitFeeCoefficients.residential = 1.005;
    input.tariffs.densitySurplusCoefficient = 0.001;
    input.zones.M.parkingPerUnit = 1.333;
    expect(() => validateRuleSet(input)).not.toThrow();
  });

  it('refuses negative figures', () => {
    const input = draft();
    input.zones.C1.minSetbackM = -1;
    input.tariffs.parkingShortfallPerSpace = -1;
    expect(problemsOf(input)).toEqual([
      { path: '/zones/C1/minSetbackM', message: 'must be >= 0' },
      { path: '/tariffs/parkingShortfallPerSpace', message: 'must be >= 0' },
    ]);
  });

  it('names a badly named key', () => {
    const input = draft();
    input.tariffs.regionalPrices['01'] = 5;
    input.zones['R 4'] = input.zones.R1;
    const problems = problemsOf(input);
    expect(problems.map((p) => p.path)).toEqual(['/zones/R 4', '/tariffs/regionalPrices/01']);
    expect(problems[0]!.message).toMatch(/^is not a valid name: must match pattern/);
  });

  it('refuses a zone whose allowed use has no permit fee coefficient', () => {
    const input = draft();
    input.zones.M.allowedUses = ['residential', 'industrial'];
    expect(problemsOf(input)).toEqual([
      {
        path: '/zones/M/allowedUses/1',
        message: '"industrial" has no permit fee coefficient in /tariffs/permitFeeCoefficients',
      },
    ]);
  });

  it('takes a rule set without inspection stages, as published before stages were named', () => {
    const input = draft();
    delete input['inspectionStages'];
    expect(validateRuleSet(input)).toBe(input);
  });

  it.each([
    ['a stage out of building order', ['roof', 'foundation', 'completion'], '/inspectionStages/1'],
    ['a stage twice', ['foundation', 'foundation', 'completion'], '/inspectionStages/1'],
    ['no completion last', ['foundation', 'roof'], '/inspectionStages'],
  ])('refuses inspection stages with %s', (_, stages, path) => {
    const input = draft();
    input['inspectionStages'] = stages.map((stage) => ({ stage, deadlineDays: 7 }));
    expect(problemsOf(input)).toContainEqual({ path, message: expect.any(String) });
  });

  it('refuses an unknown stage and a deadline that is not whole days', () => {
    const input = draft();
    input['inspectionStages'] = [
      { stage: 'plaster', deadlineDays: 7 },
      { stage: 'completion', deadlineDays: 0 },
    ];
    expect(problemsOf(input).map((p) => p.path)).toEqual(
      expect.arrayContaining(['/inspectionStages/0/stage', '/inspectionStages/1/deadlineDays']),
    );
  });

  it('does not require density to exceed occupancy', () => {
    const input = draft();
    input.zones.R1.maxDensityPct = 40;
    input.zones.R1.maxOccupancyPct = 60;
    expect(() => validateRuleSet(input)).not.toThrow();
  });

  it('treats "__proto__" as a key like any other', () => {
    const input = JSON.parse(JSON.stringify(demoRuleSet).replace('"R1":', '"__proto__":'));
    expect(problemsOf(input).map((p) => p.path)).toEqual(['/zones/__proto__']);
  });

  it('summarises the first problems in the message', () => {
    try {
      validateRuleSet({});
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^The rule set is invalid: \/version is required; \/effectiveFrom is required; .*; and 3 more$/,
      );
    }
    expect.assertions(1);
  });

  it('exports a self-contained schema for the API documentation', () => {
    expect(JSON.stringify(ruleSetJsonSchema)).not.toMatch(/\$ref|\$schema/);
    expect(ruleSetJsonSchema.additionalProperties).toBe(false);
  });
});
