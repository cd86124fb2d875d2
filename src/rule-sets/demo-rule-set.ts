import type { RuleSet } from './rule-set.js';

/**
 * Hamedan's demo rule set: a handful of zones in the spirit of its detailed plan (طرح تفصیلی) and
 * made-up but plausible tariffs, in force from 1 Farvardin 1405. Demo data, not the city's figures.
 */
export const demoRuleSet: RuleSet = {
  version: 1,
  effectiveFrom: '2026-03-21',
  zones: {
    R1: {
      nameFa: 'مسکونی کم‌تراکم',
      maxDensityPct: 120,
      maxOccupancyPct: 60,
      maxFloors: 2,
      allowedUses: ['residential'],
      minSetbackM: 2,
      parkingPerUnit: 1,
    },
    R2: {
      nameFa: 'مسکونی تراکم متوسط',
      maxDensityPct: 180,
      maxOccupancyPct: 60,
      maxFloors: 3,
      allowedUses: ['residential'],
      minSetbackM: 2,
      parkingPerUnit: 1,
    },
    R3: {
      nameFa: 'مسکونی پرتراکم',
      maxDensityPct: 240,
      maxOccupancyPct: 50,
      maxFloors: 5,
      allowedUses: ['residential'],
      minSetbackM: 3,
      parkingPerUnit: 1,
    },
    C1: {
      nameFa: 'تجاری و خدماتی',
      maxDensityPct: 200,
      maxOccupancyPct: 60,
      maxFloors: 4,
      allowedUses: ['commercial', 'office'],
      minSetbackM: 0,
      parkingPerUnit: 0.5,
    },
    M: {
      nameFa: 'مختلط مسکونی و تجاری',
      maxDensityPct: 220,
      maxOccupancyPct: 55,
      maxFloors: 4,
      allowedUses: ['residential', 'commercial', 'office'],
      minSetbackM: 1.5,
      parkingPerUnit: 1,
    },
  },
  tariffs: {
    // Rials per m² by municipal region (منطقه); the centre (region 1) is the dearest.
    regionalPrices: { '1': 1_600_000, '2': 1_300_000, '3': 1_050_000, '4': 800_000 },
    permitFeeCoefficients: { residential: 1.2, commercial: 3.5, office: 2.5 },
    densitySurplusCoefficient: 2,
    parkingShortfallPerSpace: 150_000_000,
    renewalFeePct: 10,
  },
  requiredDocuments: {
    NewConstruction: ['ownership_deed', 'national_card', 'site_plan'],
    Reconstruction: ['ownership_deed', 'national_card', 'site_plan'],
    Extension: ['ownership_deed', 'national_card', 'site_plan', 'previous_permit'],
    Renewal: ['ownership_deed', 'national_card', 'previous_permit'],
  },
  sla: { review: 3, siteVisit: 5, mapOrder: 3, designReview: 7, issuance: 2 },
  inquiryDeadlineDays: { Transfer: 3, Bank: 5, Utility: 5, NoViolation: 7 },
  permitValidityMonths: 24,
  inspectionStages: [{ stage: 'completion', deadlineDays: 10 }],
};
