import { ApiProperty, type SchemaObject } from '@nestjs/swagger';
import type { RuleSetVersionSummary } from './rule-sets.read-model.js';
import { ruleSetJsonSchema } from './rule-set.schema.js';

/** The request body of a publication: the rule set's own JSON Schema, as `validateRuleSet` checks it. */
export const ruleSetBodySchema = ruleSetJsonSchema as unknown as SchemaObject;

/** A published rule set as the API answers it: the rule set, its municipality and who published it when. */
export const ruleSetViewSchema: SchemaObject = {
  ...ruleSetBodySchema,
  title: 'RuleSetView',
  description: 'A published zoning rule set (طرح تفصیلی) of a municipality',
  required: ['municipality', ...(ruleSetBodySchema.required ?? []), 'publishedAt', 'publishedBy'],
  properties: {
    municipality: { type: 'string', example: 'hamedan' },
    ...ruleSetBodySchema.properties,
    publishedAt: { type: 'string', format: 'date-time', description: 'when it was published (UTC)' },
    publishedBy: { type: 'string', description: 'the actor id of the admin who published it' },
  },
};

export class RuleSetVersionSummaryDto implements RuleSetVersionSummary {
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ example: '2026-03-21', format: 'date', description: 'Gregorian YYYY-MM-DD' })
  effectiveFrom!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}
