import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DomainError } from '../shared/domain-error.js';
import { ruleSetJsonSchema } from './rule-set.schema.js';

export const APPLICATION_TYPES = ['NewConstruction', 'Reconstruction', 'Extension', 'Renewal'] as const;
/** New construction (احداث بنا), reconstruction (تجدید بنا), extension (توسعه بنا), renewal (تجدید پروانه). */
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/**
 * The stages of construction a municipal building inspector (بازرس ساختمان) inspects, in their order:
 * foundation (پی), frame (اسکلت), roof (سقف), and completion (پایان کار), the completion inspection.
 */
export const INSPECTION_STAGES = ['foundation', 'frame', 'roof', 'completion'] as const;
export type InspectionStage = (typeof INSPECTION_STAGES)[number];
/** A stage a file is inspected at, and the days its inspector has once assigned. */
export type InspectionStagePlan = { readonly stage: InspectionStage; readonly deadlineDays: number };

export const INQUIRY_KINDS = ['Transfer', 'Bank', 'Utility', 'NoViolation'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];

/** One zone of the detailed plan: what may be built on a parcel in it. */
export type ZoneRules = {
  readonly nameFa: string;
  /** Density (تراکم): total floor area as a percentage of the parcel area. */
  readonly maxDensityPct: number;
  /** Occupancy (سطح اشغال): ground coverage as a percentage of the parcel area, at most 100. */
  readonly maxOccupancyPct: number;
  readonly maxFloors: number;
  readonly allowedUses: readonly string[];
  readonly minSetbackM: number;
  readonly parkingPerUnit: number;
};

export type Tariffs = {
  /** The regional price P, integer rials per m², by municipal region (منطقه). */
  readonly regionalPrices: Readonly<Record<string, number>>;
  /** By land use; at most 3 decimals. */
  readonly permitFeeCoefficients: Readonly<Record<string, number>>;
  readonly densitySurplusCoefficient: number;
  /** Integer rials per parking space the design lacks. */
  readonly parkingShortfallPerSpace: number;
  /** The permit renewal fee as a percentage of the permit fee. */
  readonly renewalFeePct: number;
};

/** A zoning rule set, the detailed plan (طرح تفصیلی) and tariffs as published in RuleSetPublished. */
export type RuleSet = {
  readonly version: number;
  /** Gregorian YYYY-MM-DD. */
  readonly effectiveFrom: string;
  readonly zones: Readonly<Record<string, ZoneRules>>;
  readonly tariffs: Tariffs;
  readonly requiredDocuments: { readonly [type in ApplicationType]: readonly string[] };
  /** Days allowed for each step of a permit file. */
  readonly sla: Readonly<Record<string, number>>;
  readonly inquiryDeadlineDays: { readonly [kind in InquiryKind]: number };
  readonly permitValidityMonths: number;
  /**
   * The stages inspected during construction, in order, ending with completion. Absent: the
   * completion inspection alone, by any inspector, as before stages were named.
   */
  readonly inspectionStages?: readonly InspectionStagePlan[];
};

export type RuleSetProblem = { readonly path: string; readonly message: string };

// Compiled once: ajv turns the schema into a function, which is the slow part.
const ajv = new Ajv2020({ allErrors: true, strict: true, multipleOfPrecision: 9 });
// ajv-formats is CommonJS; under NodeNext its default export arrives as `module.exports`.
addFormats.default(ajv, ['date']);
const matchesSchema = ajv.compile<RuleSet>(ruleSetJsonSchema);

/** Checks an untrusted rule set; throws RULESET.INVALID with every problem in `details.errors`. */
export function validateRuleSet(input: unknown): RuleSet {
  const problems = matchesSchema(input)
    ? crossFieldProblems(input)
    : (matchesSchema.errors ?? []).flatMap(readable);
  if (problems.length > 0) {
    throw new DomainError('RULESET.INVALID', `The rule set is invalid: ${summary(problems)}`, 'invalid', {
      errors: problems,
    });
  }
  return input as RuleSet;
}

/** Rules between fields, which JSON Schema cannot state. */
function crossFieldProblems(ruleSet: RuleSet): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [...inspectionStagesProblems(ruleSet.inspectionStages)];
  for (const [code, zone] of Object.entries(ruleSet.zones)) {
    zone.allowedUses.forEach((use, i) => {
      if (!Object.hasOwn(ruleSet.tariffs.permitFeeCoefficients, use)) {
        problems.push({
          path: `/zones/${pointerSegment(code)}/allowedUses/${i}`,
          message: `"${use}" has no permit fee coefficient in /tariffs/permitFeeCoefficients`,
        });
      }
    });
  }
  return problems;
}

/** Stages in the order of INSPECTION_STAGES, each once, the last one completion. */
function inspectionStagesProblems(stages: RuleSet['inspectionStages']): RuleSetProblem[] {
  if (stages === undefined) return [];
  const order = stages.map((s) => INSPECTION_STAGES.indexOf(s.stage));
  const problems: RuleSetProblem[] = [];
  order.forEach((position, i) => {
    if (i > 0 && position <= order[i - 1]!)
      problems.push({
        path: `/inspectionStages/${i}`,
        message: 'stages are listed once each, in building order',
      });
  });
  if (stages.at(-1)?.stage !== 'completion')
    problems.push({ path: '/inspectionStages', message: 'the last stage is completion' });
  return problems;
}

function readable(error: ErrorObject): RuleSetProblem[] {
  const at = (segment: string) => `${error.instancePath}/${pointerSegment(segment)}`;
  const path = error.instancePath || '/';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return [{ path: at(String(params.missingProperty)), message: 'is required' }];
    case 'additionalProperties':
      return [{ path: at(String(params.additionalProperty)), message: 'is not a known field' }];
    case 'propertyNames':
      return []; // ajv reports the failing name's own error too, which says more
    case 'multipleOf':
      return [{ path, message: `must have at most ${params.multipleOf === 0.01 ? 2 : 3} decimals` }];
    default: {
      // An error about a property's name (inside propertyNames) carries that name.
      const name = (error as { propertyName?: string }).propertyName;
      return name === undefined
        ? [{ path, message: error.message ?? error.keyword }]
        : [{ path: at(name), message: `is not a valid name: ${error.message ?? error.keyword}` }];
    }
  }
}

function summary(problems: readonly RuleSetProblem[], shown = 5): string {
  const listed = problems.slice(0, shown).map((p) => `${p.path} ${p.message}`);
  if (problems.length > shown) listed.push(`and ${problems.length - shown} more`);
  return listed.join('; ');
}

/** Escapes a key for a JSON Pointer (RFC 6901). */
function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
