/**
 * The JSON Schema (draft 2020-12) of a published zoning rule set. It is self-contained (no $ref, no
 * $schema) so the OpenAPI document can embed it as it is; `validateRuleSet` adds the checks a schema
 * cannot express.
 */

const integer = (minimum: number) => ({ type: 'integer', minimum }) as const;
/** A non-negative decimal with at most `places` decimals; fees scale it to an integer exactly. */
const decimal = (places: 2 | 3, description?: string) =>
  ({
    type: 'number',
    minimum: 0,
    multipleOf: places === 2 ? 0.01 : 0.001,
    ...(description ? { description } : {}),
  }) as const;
const percent = (maximum?: number, description?: string) =>
  ({ ...decimal(2, description), ...(maximum === undefined ? {} : { maximum }) }) as const;
const name = (pattern: string, description: string) => ({ type: 'string', pattern, description }) as const;
const codeList = {
  type: 'array',
  items: name('^[a-z][a-z0-9_]{0,63}$', 'a document code, e.g. ownership_deed'),
  uniqueItems: true,
} as const;
const days = { ...integer(1), description: 'calendar days' } as const;
const useName = name('^[a-z][a-z0-9_]{0,31}$', 'a land use (کاربری), e.g. residential');

const zone = {
  type: 'object',
  additionalProperties: false,
  required: [
    'nameFa',
    'maxDensityPct',
    'maxOccupancyPct',
    'maxFloors',
    'allowedUses',
    'minSetbackM',
    'parkingPerUnit',
  ],
  properties: {
    nameFa: { type: 'string', minLength: 1, maxLength: 200 },
    maxDensityPct: percent(undefined, 'density (تراکم): total floor area as % of the parcel area'),
    maxOccupancyPct: percent(100, 'occupancy (سطح اشغال): ground coverage as % of the parcel area'),
    maxFloors: integer(1),
    allowedUses: { type: 'array', items: useName, minItems: 1, uniqueItems: true },
    minSetbackM: decimal(2, 'metres'),
    parkingPerUnit: decimal(3, 'parking spaces required per unit'),
  },
} as const;

const tariffs = {
  type: 'object',
  additionalProperties: false,
  required: [
    'regionalPrices',
    'permitFeeCoefficients',
    'densitySurplusCoefficient',
    'parkingShortfallPerSpace',
    'renewalFeePct',
  ],
  properties: {
    regionalPrices: {
      type: 'object',
      description: 'regional price P in integer rials per m², by municipal region (منطقه)',
      minProperties: 1,
      propertyNames: name('^(?:0|[1-9][0-9]{0,5})$', 'a municipal region number, e.g. 1'),
      additionalProperties: integer(0),
    },
    permitFeeCoefficients: {
      type: 'object',
      description: 'permit fee coefficient by land use: fee = coefficient × floor area × P',
      minProperties: 1,
      propertyNames: useName,
      additionalProperties: decimal(3),
    },
    densitySurplusCoefficient: decimal(3, 'fee = coefficient × floor area above the density limit × P'),
    parkingShortfallPerSpace: { ...integer(0), description: 'integer rials per missing parking space' },
    renewalFeePct: percent(undefined, 'permit renewal fee as % of the permit fee'),
  },
} as const;

const byApplicationType = {
  type: 'object',
  additionalProperties: false,
  required: ['NewConstruction', 'Reconstruction', 'Extension', 'Renewal'],
  properties: {
    NewConstruction: codeList,
    Reconstruction: codeList,
    Extension: codeList,
    Renewal: codeList,
  },
} as const;

export const ruleSetJsonSchema = {
  title: 'RuleSet',
  description: 'A zoning rule set (طرح تفصیلی) with its tariffs, as published in RuleSetPublished',
  type: 'object',
  additionalProperties: false,
  required: [
    'version',
    'effectiveFrom',
    'zones',
    'tariffs',
    'requiredDocuments',
    'sla',
    'inquiryDeadlineDays',
    'permitValidityMonths',
  ],
  properties: {
    version: integer(1),
    effectiveFrom: {
      type: 'string',
      format: 'date',
      description: 'Gregorian YYYY-MM-DD',
    },
    zones: {
      type: 'object',
      minProperties: 1,
      propertyNames: name('^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$', 'a zone code, e.g. R1'),
      additionalProperties: zone,
    },
    tariffs,
    requiredDocuments: byApplicationType,
    sla: {
      type: 'object',
      description: 'days allowed for each step of a permit file',
      propertyNames: name('^[A-Za-z][A-Za-z0-9_]{0,63}$', 'a step, e.g. review'),
      additionalProperties: days,
    },
    inquiryDeadlineDays: {
      type: 'object',
      additionalProperties: false,
      required: ['Transfer', 'Bank', 'Utility', 'NoViolation'],
      properties: { Transfer: days, Bank: days, Utility: days, NoViolation: days },
    },
    permitValidityMonths: integer(1),
    inspectionStages: {
      type: 'array',
      description: 'the stages inspected during construction, in building order, ending with completion',
      minItems: 1,
      maxItems: 4,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['stage', 'deadlineDays'],
        properties: {
          stage: { enum: ['foundation', 'frame', 'roof', 'completion'] },
          deadlineDays: days,
        },
      },
    },
  },
} as const;
