import { demoRuleSet } from './demo-rule-set.js';
import type { RuleSet } from './rule-set.js';

/**
 * Qazvin's demo rule set: Hamedan's zones and documents with its own limits, prices for its three
 * regions, fee coefficients and deadlines. Demo data, not the city's figures.
 */
export const qazvinDemoRuleSet: RuleSet = {
  ...demoRuleSet,
  zones: {
    R1: { ...demoRuleSet.zones['R1']!, maxDensityPct: 110 },
    R2: { ...demoRuleSet.zones['R2']!, maxDensityPct: 190, maxOccupancyPct: 65 },
    R3: { ...demoRuleSet.zones['R3']!, maxDensityPct: 260, maxFloors: 6 },
    C1: { ...demoRuleSet.zones['C1']!, maxDensityPct: 220 },
  },
  tariffs: {
    regionalPrices: { '1': 1_750_000, '2': 1_400_000, '3': 1_100_000 },
    permitFeeCoefficients: { residential: 1.3, commercial: 3.8, office: 2.7 },
    densitySurplusCoefficient: 2.2,
    parkingShortfallPerSpace: 170_000_000,
    renewalFeePct: 12,
  },
  sla: { review: 4, siteVisit: 6, mapOrder: 4, designReview: 8, issuance: 2 },
  inquiryDeadlineDays: { Transfer: 3, Bank: 5, Utility: 6, NoViolation: 7 },
  inspectionStages: [
    { stage: 'foundation', deadlineDays: 7 },
    { stage: 'frame', deadlineDays: 7 },
    { stage: 'roof', deadlineDays: 7 },
    { stage: 'completion', deadlineDays: 10 },
  ],
};

/** Takestan's: a smaller city of two regions, lower limits and prices, a longer permit validity. */
export const takestanDemoRuleSet: RuleSet = {
  ...demoRuleSet,
  zones: {
    R1: { ...demoRuleSet.zones['R1']!, maxDensityPct: 100, maxOccupancyPct: 55 },
    R2: { ...demoRuleSet.zones['R2']!, maxDensityPct: 150 },
    M: { ...demoRuleSet.zones['M']!, maxDensityPct: 180, maxFloors: 3 },
  },
  tariffs: {
    regionalPrices: { '1': 900_000, '2': 650_000 },
    permitFeeCoefficients: { residential: 1, commercial: 3, office: 2 },
    densitySurplusCoefficient: 1.8,
    parkingShortfallPerSpace: 90_000_000,
    renewalFeePct: 8,
  },
  sla: { review: 5, siteVisit: 7, mapOrder: 5, designReview: 10, issuance: 3 },
  inquiryDeadlineDays: { Transfer: 4, Bank: 5, Utility: 7, NoViolation: 10 },
  permitValidityMonths: 36,
  inspectionStages: [
    { stage: 'foundation', deadlineDays: 10 },
    { stage: 'roof', deadlineDays: 10 },
    { stage: 'completion', deadlineDays: 14 },
  ],
};

/** Every demo city's rule set, published as its version 1. */
export const demoRuleSets: readonly { readonly municipality: string; readonly ruleSet: RuleSet }[] = [
  { municipality: 'hamedan', ruleSet: demoRuleSet },
  { municipality: 'qazvin', ruleSet: qazvinDemoRuleSet },
  { municipality: 'takestan', ruleSet: takestanDemoRuleSet },
];
