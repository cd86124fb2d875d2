// Spec fixtures: a NewConstruction file in Hamedan's demo rule set, and its history at every status.
import { createHash } from 'node:crypto';
import { calculateFees } from '../fees/calculate-fees.js';
import { demoRuleSet } from '../rule-sets/demo-rule-set.js';
import type { InspectionStage, InspectionStagePlan } from '../rule-sets/rule-set.js';
import { checkDesign, type Design } from './design-check.js';
import { mapOrderLimits } from './map-order-limits.js';
import type { Attachment, PermitEvent, SiteSurvey } from './permit.events.js';
import type { PermitCommand, PermitCommandType } from './permit.commands.js';
import { CLOSED_STATUSES, type PermitStatus } from './permit.state.js';

export const permitId = 'permit-0001';
export const municipality = 'hamedan';
export const renewalCode = '1-1-1-1-0-0-0';
export const applicantNationalId = '0013542419';
/** A valid tracking number (کد رهگیری): the first the file's stream would claim. */
export const trackingNumber = '8923697879';
export const clerkId = 'clerk-1';
export const surveyorId = 'surveyor-1';
export const engineerId = 'engineer-1';
export const inspectorId = 'surveyor-2';
export const engineeringOffice = 'hamedan-engineers';
export const surveyorGrants = [{ role: 'surveyor', municipality }] as const;
export const inspectorGrants = [{ role: 'inspector', municipality }] as const;
export const requiredDocuments = demoRuleSet.requiredDocuments.NewConstruction;

export const attachment = (kind: string, n = 1): Attachment => ({
  kind,
  sha256: createHash('sha256').update(`${kind} ${n}`).digest('hex'),
  size: 120_000 + n,
  mediaType: 'application/pdf',
  fileName: `${kind}-${n}.pdf`,
});
export const documents: readonly Attachment[] = requiredDocuments.map((kind) => attachment(kind));

/** Zone R2 on 250 m²: 3 floors, 450 m² of floor area, 150 m² of ground, 2 m setback, 1 space a unit. */
export const survey: SiteSurvey = {
  measuredAreaM2: 250,
  streetWidthM: 12,
  existingStructures: [{ floors: 1, areaM2: 90, description: 'old one-storey house' }],
  photos: ['b'.repeat(64)],
};
export const limits = mapOrderLimits(demoRuleSet, 'R2', survey);

export const compliantDesign: Design = {
  floors: 3,
  floorAreasM2: [150, 150, 140],
  units: 3,
  use: 'residential',
  parkingSpaces: 3,
  groundCoverageM2: 150,
  setbackM: 2,
};
/** Violates every rule but the use: 4 floors, 600 m², 160 m² of ground, 1.5 m setback, 2 spaces for 4 units. */
export const violatingDesign: Design = {
  floors: 4,
  floorAreasM2: [160, 150, 150, 140],
  units: 4,
  use: 'residential',
  parkingSpaces: 2,
  groundCoverageM2: 160,
  setbackM: 1.5,
};

const feesOf = (design: Design, type: 'NewConstruction' | 'Renewal' = 'NewConstruction') =>
  calculateFees({
    parcel: { areaM2: survey.measuredAreaM2, zone: 'R2', region: '1' },
    application: {
      type,
      use: design.use,
      floors: design.floors,
      floorAreaM2: design.floorAreasM2.reduce((a, b) => a + b, 0),
      units: design.units,
      parkingSpaces: design.parkingSpaces,
    },
    ruleSet: demoRuleSet,
  });
/** One line: PERMIT_FEE 1.2 × 440 m² × 1,600,000 = 844,800,000 rials. */
export const fees = feesOf(compliantDesign);
/** Three lines: the permit fee, the density surplus and the parking shortfall. */
export const surplusFees = feesOf(violatingDesign);
/** One line: RENEWAL_FEE, the rule set's renewalFeePct of the permit fee. */
export const renewalFees = feesOf(compliantDesign, 'Renewal');
/** The renewal's time, after the permit's end: the new validity runs from the renewal. */
export const renewedAt = '2028-05-01T08:00:00.000Z';

export const issuedAt = '2026-04-01T08:30:00.000Z';
export const validUntil = '2028-04-01T08:30:00.000Z';
export const fineAmount = 300_000_000;

export const attached = (a: Attachment): PermitEvent => ({
  type: 'PermitDocumentAttached',
  data: { permitId, attachment: a },
});

export const events = {
  opened: {
    type: 'PermitDraftOpened',
    data: {
      permitId,
      municipality,
      renewalCode,
      applicationType: 'NewConstruction',
      applicantNationalId,
      trackingNumber,
    },
  },
  submitted: { type: 'PermitSubmitted', data: { permitId } },
  taken: { type: 'PermitTaken', data: { permitId, clerkId } },
  returned: {
    type: 'PermitReturned',
    data: { permitId, reasons: [{ documentKind: 'site_plan', reason: 'illegible scan' }] },
  },
  surveyorAssigned: { type: 'SurveyorAssigned', data: { permitId, surveyorId } },
  siteVisitReported: { type: 'SiteVisitReported', data: { permitId, surveyorId, survey } },
  mapOrderIssued: { type: 'MapOrderIssued', data: { permitId, limits, ruleSetVersion: 1 } },
  engineerNominated: {
    type: 'EngineerNominated',
    data: { permitId, nominee: { organisation: engineeringOffice, engineerId } },
  },
  designSubmitted: {
    type: 'DesignSubmitted',
    data: {
      permitId,
      engineerId,
      organisation: engineeringOffice,
      design: compliantDesign,
      violations: [],
    },
  },
  violatingDesignSubmitted: {
    type: 'DesignSubmitted',
    data: {
      permitId,
      engineerId,
      organisation: engineeringOffice,
      design: violatingDesign,
      violations: checkDesign(violatingDesign, limits),
    },
  },
  designReturned: {
    type: 'DesignReturned',
    data: { permitId, reasons: ['the stairs do not meet the fire code'] },
  },
  designApproved: { type: 'DesignApproved', data: { permitId } },
  overrideApproved: {
    type: 'DesignApproved',
    data: {
      permitId,
      override: { violations: checkDesign(violatingDesign, limits), reason: 'commission 12 allowed it' },
    },
  },
  feesAssessed: { type: 'FeesAssessed', data: { permitId, ...fees } },
  surplusFeesAssessed: { type: 'FeesAssessed', data: { permitId, ...surplusFees } },
  feesPaid: {
    type: 'PermitPaymentRecorded',
    data: {
      permitId,
      purpose: 'fees',
      reference: 'BANK-1',
      amount: fees.total,
      channel: 'gateway',
      paidAt: '2026-03-30T10:00:00.000Z',
    },
  },
  issued: { type: 'PermitIssued', data: { permitId, issuedAt, validUntil } },
  expired: { type: 'PermitExpired', data: { permitId, validUntil } },
  completionRequested: { type: 'CompletionRequested', data: { permitId } },
  inspectedCompliant: {
    type: 'InspectionReported',
    data: { permitId, inspectorId, compliant: true, violations: [] },
  },
  inspectedWithViolations: {
    type: 'InspectionReported',
    data: {
      permitId,
      inspectorId,
      compliant: false,
      violations: [{ description: 'a fourth floor built without a permit', areaM2: 140 }],
    },
  },
  referred: { type: 'ReferredToCommission', data: { permitId } },
  finedRuling: {
    type: 'CommissionRuled',
    data: { permitId, ruling: 'fine', fineAmount, reference: 'C100-1405-17' },
  },
  demolitionRuling: {
    type: 'CommissionRuled',
    data: { permitId, ruling: 'demolition', reference: 'C100-1405-18' },
  },
  finePaid: {
    type: 'PermitPaymentRecorded',
    data: {
      permitId,
      purpose: 'fine',
      reference: 'CASH-7',
      amount: fineAmount,
      channel: 'cashier',
      paidAt: '2028-01-10T09:00:00.000Z',
    },
  },
  certificateIssued: {
    type: 'CompletionCertificateIssued',
    data: { permitId, issuedAt: '2028-02-01T09:00:00.000Z' },
  },
  revoked: {
    type: 'PermitRevoked',
    data: {
      permitId,
      code: 'HM3K7Q2P9X',
      reason: 'issued on a forged deed',
      revokedAt: '2026-06-01T07:00:00.000Z',
    },
  },
  reissued: {
    type: 'PermitIssued',
    data: {
      permitId,
      issuedAt: '2026-07-01T08:30:00.000Z',
      validUntil: '2028-07-01T08:30:00.000Z',
      replaces: 'HM3K7Q2P9X',
    },
  },
  renewalRequested: { type: 'PermitRenewalRequested', data: { permitId, ...renewalFees } },
  renewalPaid: {
    type: 'PermitPaymentRecorded',
    data: {
      permitId,
      purpose: 'renewal',
      reference: 'BANK-9',
      amount: renewalFees.total,
      channel: 'gateway',
      paidAt: '2028-04-20T10:00:00.000Z',
    },
  },
  renewed: {
    type: 'PermitRenewed',
    data: {
      permitId,
      renews: { issuedAt, validUntil },
      validity: { issuedAt: renewedAt, validUntil: '2030-05-01T08:00:00.000Z' },
      ruleSetVersion: 1,
    },
  },
  renewalWithdrawn: { type: 'PermitRenewalWithdrawn', data: { permitId, validUntil, expired: true } },
  withdrawn: { type: 'PermitWithdrawn', data: { permitId } },
  rejected: { type: 'PermitRejected', data: { permitId, reason: 'the deed is forged' } },
} satisfies Record<string, PermitEvent>;

const e = events;
const draft = [e.opened, ...documents.map(attached)];
const underReview = [...draft, e.submitted, e.taken];
const awaitingDesign = [
  ...underReview,
  e.surveyorAssigned,
  e.siteVisitReported,
  e.mapOrderIssued,
  e.engineerNominated,
];
const designApproved = [...awaitingDesign, e.designSubmitted, e.designApproved];
const issued = [...designApproved, e.feesAssessed, e.feesPaid, e.issued];
const inCommission = [...issued, e.completionRequested, e.inspectedWithViolations, e.referred];

/** The events that bring the file to each status, along the shortest path. */
export const history: { readonly [status in Exclude<PermitStatus, 'absent'>]: readonly PermitEvent[] } = {
  draft,
  submitted: [...draft, e.submitted],
  under_review: underReview,
  returned: [...underReview, e.returned],
  surveying: [...underReview, e.surveyorAssigned],
  surveyed: [...underReview, e.surveyorAssigned, e.siteVisitReported],
  awaiting_design: awaitingDesign,
  design_submitted: [...awaitingDesign, e.designSubmitted],
  design_returned: [...awaitingDesign, e.designSubmitted, e.designReturned],
  design_approved: designApproved,
  fees_assessed: [...designApproved, e.feesAssessed],
  paid: [...designApproved, e.feesAssessed, e.feesPaid],
  issued,
  expired: [...issued, e.expired],
  completion_requested: [...issued, e.completionRequested],
  renewal_requested: [...issued, e.expired, e.renewalRequested],
  renewal_paid: [...issued, e.expired, e.renewalRequested, e.renewalPaid],
  inspected: [...issued, e.completionRequested, e.inspectedCompliant],
  in_commission: inCommission,
  fine_due: [...inCommission, e.finedRuling],
  fine_paid: [...inCommission, e.finedRuling, e.finePaid],
  completed: [...issued, e.completionRequested, e.inspectedCompliant, e.certificateIssued],
  demolition_ordered: [...inCommission, e.demolitionRuling],
  withdrawn: [...draft, e.withdrawn],
  rejected: [...underReview, e.rejected],
};

/** A permit issued with inspection stages, and its histories stage by stage. */
export const plan: readonly InspectionStagePlan[] = [
  { stage: 'foundation', deadlineDays: 7 },
  { stage: 'roof', deadlineDays: 5 },
  { stage: 'completion', deadlineDays: 10 },
];
export const issuedWithStages: PermitEvent = {
  type: 'PermitIssued',
  data: { ...events.issued.data, inspectionStages: plan },
};
export const assigned = (stage: InspectionStage, who = inspectorId): PermitEvent => ({
  type: 'InspectionAssigned',
  data: { permitId, stage, inspectorId: who, dueBy: '2026-04-08T08:30:00.000Z' },
});
export const violation = { description: 'the foundation is 2 m beyond the permitted line', areaM2: 12 };
export const inspected = (
  stage: InspectionStage,
  result: 'compliant' | 'violations' = 'compliant',
): PermitEvent => ({
  type: 'StageInspected',
  data: {
    permitId,
    stage,
    inspectorId,
    findings: 'as found on site',
    photos: [],
    result,
    violations: result === 'compliant' ? [] : [violation],
  },
});
export const staged = [...history.paid, issuedWithStages];
export const foundationDue = [...staged, assigned('foundation')];
export const roofDue = [...foundationDue, inspected('foundation'), assigned('roof')];
export const completionDue = [...roofDue, inspected('roof'), assigned('completion')];
export const foundationFinePaid = [
  ...foundationDue,
  inspected('foundation', 'violations'),
  events.referred,
  events.finedRuling,
  events.finePaid,
];

/** Histories off the main path. */
export const variant = {
  violatingDesignSubmitted: [...awaitingDesign, e.violatingDesignSubmitted],
  surplusFeesAssessed: [
    ...awaitingDesign,
    e.violatingDesignSubmitted,
    e.overrideApproved,
    e.surplusFeesAssessed,
  ],
  inspectedWithViolations: [...issued, e.completionRequested, e.inspectedWithViolations],
  completedAfterFine: [...inCommission, e.finedRuling, e.finePaid, e.certificateIssued],
  withdrawnAfterFees: [...designApproved, e.feesAssessed, e.feesPaid, e.withdrawn],
  revoked: [...issued, e.revoked],
  reissued: [...issued, e.revoked, e.reissued],
  renewalRequestedWhileValid: [...issued, e.renewalRequested],
  renewed: [...issued, e.expired, e.renewalRequested, e.renewalPaid, e.renewed],
};

export type PermitStage = keyof typeof history;
export const STAGES = Object.keys(history) as PermitStage[];
const isLive = (stage: PermitStage) => !(CLOSED_STATUSES as readonly string[]).includes(stage);
/** The statuses that still accept commands, but the ones listed. */
export const liveStagesExcept = (...allowed: PermitStage[]) =>
  STAGES.filter((s) => isLive(s) && !allowed.includes(s));

type CommandOf<T extends PermitCommandType> = Extract<PermitCommand, { readonly type: T }>;

/** A valid command of each type, for the stage its transition starts from. */
export const command: { readonly [T in PermitCommandType]: CommandOf<T> } = {
  OpenPermitDraft: {
    type: 'OpenPermitDraft',
    data: { ...events.opened.data, parcelOwners: ['0084575948', applicantNationalId] },
  },
  AddAttachment: { type: 'AddAttachment', data: { permitId, attachment: attachment('site_photo') } },
  RemoveAttachment: {
    type: 'RemoveAttachment',
    data: { permitId, sha256: attachment('ownership_deed').sha256 },
  },
  SubmitPermit: { type: 'SubmitPermit', data: { permitId, requiredDocuments } },
  TakePermit: { type: 'TakePermit', data: events.taken.data },
  ReturnPermit: { type: 'ReturnPermit', data: events.returned.data },
  AssignSurveyor: {
    type: 'AssignSurveyor',
    data: { ...events.surveyorAssigned.data, surveyor: { disabled: false, grants: surveyorGrants } },
  },
  ReportSiteVisit: { type: 'ReportSiteVisit', data: events.siteVisitReported.data },
  IssueMapOrder: { type: 'IssueMapOrder', data: { permitId, ruleSet: demoRuleSet, zone: 'R2' } },
  NominateEngineer: {
    type: 'NominateEngineer',
    data: { permitId, engineerId, engineerOffices: [engineeringOffice], organisationKnown: false },
  },
  SubmitDesign: {
    type: 'SubmitDesign',
    data: { permitId, engineerId, organisation: engineeringOffice, design: compliantDesign },
  },
  ReturnDesign: { type: 'ReturnDesign', data: events.designReturned.data },
  ApproveDesign: { type: 'ApproveDesign', data: { permitId } },
  AssessFees: { type: 'AssessFees', data: events.feesAssessed.data },
  OverrideFee: {
    type: 'OverrideFee',
    data: { permitId, line: 'PERMIT_FEE', to: 800_000_000, reason: 'discount of council resolution 42' },
  },
  RecordPayment: { type: 'RecordPayment', data: events.feesPaid.data },
  IssuePermit: { type: 'IssuePermit', data: { permitId, at: issuedAt, validityMonths: 24 } },
  ExpirePermit: { type: 'ExpirePermit', data: { permitId, at: validUntil } },
  RequestCompletion: { type: 'RequestCompletion', data: { permitId, at: '2027-12-01T08:00:00.000Z' } },
  ReportInspection: { type: 'ReportInspection', data: events.inspectedCompliant.data },
  AssignInspector: {
    type: 'AssignInspector',
    data: { permitId, inspectorId, at: issuedAt, inspector: { disabled: false, grants: inspectorGrants } },
  },
  ReportEngineerStage: {
    type: 'ReportEngineerStage',
    data: {
      permitId,
      stage: 'foundation',
      engineerId,
      summary: 'The foundation is poured as designed',
      engineerOffices: [engineeringOffice],
    },
  },
  InspectStage: {
    type: 'InspectStage',
    data: {
      permitId,
      stage: 'foundation',
      inspectorId,
      findings: 'The foundation follows the design',
      photos: [],
      result: 'compliant',
      violations: [],
    },
  },
  ReferToCommission: { type: 'ReferToCommission', data: { permitId } },
  RecordCommissionRuling: { type: 'RecordCommissionRuling', data: events.finedRuling.data },
  IssueCompletionCertificate: {
    type: 'IssueCompletionCertificate',
    data: { permitId, at: events.certificateIssued.data.issuedAt },
  },
  RecordPermitRevocation: { type: 'RecordPermitRevocation', data: events.revoked.data },
  RequestRenewal: {
    type: 'RequestRenewal',
    data: { permitId, at: renewedAt, fees: renewalFees, limitsInForce: limits },
  },
  RenewPermit: {
    type: 'RenewPermit',
    data: { permitId, at: renewedAt, validityMonths: 24, ruleSetVersion: 1 },
  },
  WithdrawRenewal: { type: 'WithdrawRenewal', data: { permitId, at: renewedAt } },
  WithdrawPermit: { type: 'WithdrawPermit', data: { permitId } },
  RejectPermit: { type: 'RejectPermit', data: events.rejected.data },
};

/** The command with some of its data changed. */
export const withData = <C extends PermitCommand>(c: C, changes: Partial<C['data']>): C => ({
  ...c,
  data: { ...c.data, ...changes },
});
