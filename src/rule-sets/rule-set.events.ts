import type { RuleSet } from './rule-set.js';

/** A published rule set names its municipality; otherwise it is exactly the validated RuleSet. */
export type RuleSetPublishedData = { readonly municipality: string } & RuleSet;

/**
 * The zoning rule sets (طرح تفصیلی) of one municipality, in stream `ruleset-<municipality>`: each
 * version is published once and never changed, so earlier versions stay queryable for the calculations
 * that used them.
 */
export type RuleSetEvent = { readonly type: 'RuleSetPublished'; readonly data: RuleSetPublishedData };

export const RULE_SET_EVENT_TYPES: readonly RuleSetEvent['type'][] = ['RuleSetPublished'];

export const ruleSetStream = (municipality: string) => `ruleset-${municipality}`;
