import type { ApplicationType, InspectionStage, InspectionStagePlan } from '../rule-sets/rule-set.js';
import type { FeeLine } from '../fees/calculate-fees.js';
import type { Design, DesignViolation } from './design-check.js';
import type { MapOrderLimits } from './map-order-limits.js';
import type {
  Attachment,
  CommissionRuling,
  EngineerNominee,
  InspectionViolation,
  Payment,
  PermitEvent,
  PermitRevocation,
  SiteSurvey,
} from './permit.events.js';

/** What a file carries from the draft on. */
export type PermitFile = {
  readonly permitId: string;
  readonly municipality: string;
  readonly renewalCode: string;
  readonly applicationType: ApplicationType;
  readonly applicantNationalId: string;
  readonly renewsPermitId?: string;
  /** The tracking number (کد رهگیری); absent on files opened before numbers were given. */
  readonly trackingNumber?: string;
  /** The documents attached now, in the order attached. */
  readonly attachments: readonly Attachment[];
  /** The clerk (کارشناس) handling the file, once taken. */
  readonly clerkId?: string;
  /** Who the applicant nominated to design the building, the latest nomination. */
  readonly nominee?: EngineerNominee;
  /** Every payment recorded, fees and fines: a reference seen here is a payment already made. */
  readonly payments: readonly Payment[];
};

export type SurveyingFile = PermitFile & { readonly surveyorId: string };
export type SurveyedFile = SurveyingFile & { readonly survey: SiteSurvey };
export type MapOrder = { readonly limits: MapOrderLimits; readonly ruleSetVersion: number };
export type MapOrderedFile = SurveyedFile & { readonly mapOrder: MapOrder };
export type DesignOnFile = {
  readonly engineerId: string;
  readonly organisation: string;
  readonly design: Design;
  readonly violations: readonly DesignViolation[];
};
/** The last design submitted; while design_approved, the approved one. */
export type DesignedFile = MapOrderedFile & { readonly design: DesignOnFile };
/** `total` is what is owed: the sum of the lines after any override. */
export type AssessedFees = {
  readonly ruleSetVersion: number;
  readonly lines: readonly FeeLine[];
  readonly total: number;
};
export type AssessedFile = DesignedFile & { readonly fees: AssessedFees };
export type Validity = { readonly issuedAt: string; readonly validUntil: string };
export type IssuedFile = AssessedFile & {
  readonly validity: Validity;
  /** The revocation in force: completion waits until a new permit is issued, which clears it. */
  readonly revocation?: PermitRevocation;
  /** Every permit document code recorded revoked, so that a revocation is recorded once. */
  readonly revokedCodes?: readonly string[];
  /** The stages inspected during construction; absent on a file whose permit named none. */
  readonly inspectionPlan?: readonly InspectionStagePlan[];
  /** The latest inspection assigned, for the stage it names. */
  readonly inspectionAssignment?: StageAssignment;
  /** The stages inspected so far, whatever was found. */
  readonly inspectedStages?: readonly InspectionStage[];
  /** The stages the supervising engineer reported on. */
  readonly stageReports?: readonly InspectionStage[];
};
export type StageAssignment = {
  readonly stage: InspectionStage;
  readonly inspectorId: string;
  readonly dueBy: string;
};
export type Inspection = {
  readonly inspectorId: string;
  readonly compliant: boolean;
  readonly violations: readonly InspectionViolation[];
};
/** A renewal (تمدید پروانه) requested: its fee, settled by a 'renewal' payment. */
export type RenewalFile = IssuedFile & { readonly renewal: AssessedFees };
export type InspectedFile = IssuedFile & { readonly inspection: Inspection };

/** The first stage of the file's plan not inspected yet; undefined without a plan, or with all inspected. */
export function currentStage(file: IssuedFile): InspectionStagePlan | undefined {
  return file.inspectionPlan?.find((p) => !(file.inspectedStages ?? []).includes(p.stage));
}
export type RuledFile = InspectedFile & { readonly ruling: CommissionRuling };

/** One union member per status, so that narrowing on `status` narrows the data. */
type At<Status extends string, File> = Status extends string ? File & { readonly status: Status } : never;

/**
 * A permit file's state. The happy path: draft → submitted → under_review → surveying → surveyed →
 * awaiting_design (map order issued) → design_submitted → design_approved → fees_assessed → paid →
 * issued → completion_requested → inspected (compliant) → completed. Side paths: returned (back to
 * the citizen, then submitted again), design_returned (back to the engineer), a zero total skips
 * `paid`; a non-compliant inspection → in_commission → fine_due → fine_paid → completed, or
 * demolition_ordered. With inspection stages, each stage before completion is assigned and inspected
 * while issued; a stage with violations goes inspected → in_commission → fine_due → fine_paid, and
 * issued again once the next stage is assigned. Renewal (تمدید پروانه), of an issued or an expired permit: renewal_requested →
 * renewal_paid (a zero fee skips it) → issued; a renewal not paid is withdrawn, or lapses with the
 * permit's validity, back to issued or expired. A revoked permit is replaced by a new one from any
 * status since issued and not closed but renewal_paid (whose renewal replaces it): the file stays
 * where it was, but completion_requested and renewal_requested go back to issued. Closed: expired
 * (but for a renewal), completed, demolition_ordered, withdrawn, rejected.
 */
export type PermitState =
  | { readonly status: 'absent' }
  | At<'draft' | 'submitted' | 'under_review' | 'returned', PermitFile>
  | At<'surveying', SurveyingFile>
  | At<'surveyed', SurveyedFile>
  | At<'awaiting_design', MapOrderedFile>
  | At<'design_submitted' | 'design_returned' | 'design_approved', DesignedFile>
  | At<'fees_assessed' | 'paid', AssessedFile>
  | At<'issued' | 'expired' | 'completion_requested', IssuedFile>
  | At<'renewal_requested' | 'renewal_paid', RenewalFile>
  | At<'inspected' | 'in_commission' | 'completed', InspectedFile>
  | At<'fine_due' | 'fine_paid' | 'demolition_ordered', RuledFile>
  | At<'withdrawn' | 'rejected', PermitFile>;

export type PermitStatus = PermitState['status'];
export type ExistingPermitState = Exclude<PermitState, { readonly status: 'absent' }>;

export const CLOSED_STATUSES = [
  'expired',
  'completed',
  'demolition_ordered',
  'withdrawn',
  'rejected',
] as const;
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

export const isClosed = (state: PermitState): state is Extract<PermitState, { status: ClosedStatus }> =>
  (CLOSED_STATUSES as readonly string[]).includes(state.status);

export const initialPermitState = (): PermitState => ({ status: 'absent' });

export type PermitFileStatus = Exclude<PermitStatus, 'absent'>;

// A record, so that the compiler refuses a list that misses a status of the state.
const STATUSES: { readonly [status in PermitFileStatus]: true } = {
  draft: true,
  submitted: true,
  under_review: true,
  returned: true,
  surveying: true,
  surveyed: true,
  awaiting_design: true,
  design_submitted: true,
  design_returned: true,
  design_approved: true,
  fees_assessed: true,
  paid: true,
  issued: true,
  expired: true,
  completion_requested: true,
  renewal_requested: true,
  renewal_paid: true,
  inspected: true,
  in_commission: true,
  fine_due: true,
  fine_paid: true,
  completed: true,
  demolition_ordered: true,
  withdrawn: true,
  rejected: true,
};
export const PERMIT_FILE_STATUSES = Object.keys(STATUSES) as readonly PermitFileStatus[];

/** The statuses of a file whose permit was issued once. */
const ISSUED_STATUSES: readonly PermitStatus[] = [
  'issued',
  'expired',
  'completion_requested',
  'renewal_requested',
  'renewal_paid',
  'inspected',
  'in_commission',
  'fine_due',
  'fine_paid',
  'completed',
  'demolition_ordered',
];

/**
 * The permit's status machine, shared by the decider's state and the permits read model: the status
 * an event moves a file in `status` to, the same one for an event that changes no status, undefined
 * for an event the status does not take (which a valid stream never holds).
 */
export function permitStatusAfter(status: PermitStatus, event: PermitEvent): PermitStatus | undefined {
  const from = (...allowed: PermitStatus[]) => allowed.includes(status);
  if (event.type === 'PermitDraftOpened') return 'draft';
  if (status === 'absent') return undefined;
  switch (event.type) {
    case 'PermitDocumentAttached':
    case 'PermitDocumentRemoved':
    case 'EngineerNominated':
      return status;
    case 'PermitSubmitted':
      return from('draft', 'returned') ? 'submitted' : undefined;
    case 'PermitTaken':
      return from('submitted', 'under_review') ? 'under_review' : undefined;
    case 'PermitReturned':
      return from('under_review') ? 'returned' : undefined;
    case 'SurveyorAssigned':
      return from('under_review', 'surveying') ? 'surveying' : undefined;
    case 'SiteVisitReported':
      return from('surveying') ? 'surveyed' : undefined;
    case 'MapOrderIssued':
      return from('surveyed') ? 'awaiting_design' : undefined;
    case 'DesignSubmitted':
      return from('awaiting_design', 'design_returned') ? 'design_submitted' : undefined;
    case 'DesignReturned':
      return from('design_submitted') ? 'design_returned' : undefined;
    case 'DesignApproved':
      return from('design_submitted') ? 'design_approved' : undefined;
    case 'FeesAssessed':
      return from('design_approved') ? 'fees_assessed' : undefined;
    case 'FeeOverridden':
      return from('fees_assessed') ? status : undefined;
    // A payment is recorded in any status; it settles what is due, if anything is.
    case 'PermitPaymentRecorded':
      if (status === 'fees_assessed' && event.data.purpose === 'fees') return 'paid';
      if (status === 'fine_due' && event.data.purpose === 'fine') return 'fine_paid';
      if (status === 'renewal_requested' && event.data.purpose === 'renewal') return 'renewal_paid';
      return status;
    // A new permit replacing a revoked one: completion is asked anew, a renewal requested is dropped; a
    // file with violations keeps its commission path.
    case 'PermitIssued':
      if (from('paid', 'fees_assessed', 'issued', 'completion_requested', 'renewal_requested'))
        return 'issued';
      return from('inspected', 'in_commission', 'fine_due', 'fine_paid') ? status : undefined;
    // After a stage's fine is paid, construction goes on to the next stage.
    case 'InspectionAssigned':
      if (from('fine_paid')) return 'issued';
      return from('issued', 'completion_requested') ? status : undefined;
    case 'EngineerStageReported':
      return from('issued', 'completion_requested') ? status : undefined;
    case 'StageInspected':
      if (!from('issued')) return undefined;
      return event.data.result === 'compliant' ? 'issued' : 'inspected';
    case 'PermitExpired':
      return from('issued', 'renewal_requested') ? 'expired' : undefined;
    case 'CompletionRequested':
      return from('issued') ? 'completion_requested' : undefined;
    case 'InspectionReported':
      return from('completion_requested') ? 'inspected' : undefined;
    case 'ReferredToCommission':
      return from('inspected') ? 'in_commission' : undefined;
    case 'CommissionRuled':
      if (!from('in_commission')) return undefined;
      return event.data.ruling === 'fine' ? 'fine_due' : 'demolition_ordered';
    case 'CompletionCertificateIssued':
      return from('inspected', 'fine_paid') ? 'completed' : undefined;
    // A fact about the permit's document, recorded whatever became of the file since it was issued.
    case 'PermitRevoked':
      return from(...ISSUED_STATUSES) ? status : undefined;
    case 'PermitRenewalRequested':
      return from('issued', 'expired') ? 'renewal_requested' : undefined;
    case 'PermitRenewed':
      return from('renewal_requested', 'renewal_paid') ? 'issued' : undefined;
    case 'PermitRenewalWithdrawn':
      if (!from('renewal_requested')) return undefined;
      return event.data.expired ? 'expired' : 'issued';
    case 'PermitWithdrawn':
      return 'withdrawn';
    case 'PermitRejected':
      return 'rejected';
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Folds one event: the status from `permitStatusAfter`, and what the event records on the file. */
export function evolvePermit(state: PermitState, event: PermitEvent): PermitState {
  const status = permitStatusAfter(state.status, event);
  if (status === undefined || status === 'absent') return state;
  if (event.type === 'PermitDraftOpened') {
    const { permitId, municipality, renewalCode, applicationType, applicantNationalId, renewsPermitId } =
      event.data;
    const { trackingNumber } = event.data;
    return {
      status: 'draft',
      permitId,
      municipality,
      renewalCode,
      applicationType,
      applicantNationalId,
      ...(renewsPermitId === undefined ? {} : { renewsPermitId }),
      ...(trackingNumber === undefined ? {} : { trackingNumber }),
      attachments: [],
      payments: [],
    };
  }
  if (state.status === 'absent') return state;
  // The status machine admits an event only where the file holds what the new status needs.
  return { ...state, ...recorded(state, event), status } as PermitState;
}

/** What an event records on an existing file, besides its status. */
function recorded(
  s: ExistingPermitState,
  event: Exclude<PermitEvent, { type: 'PermitDraftOpened' }>,
): Partial<RuledFile & RenewalFile> {
  switch (event.type) {
    case 'PermitDocumentAttached':
      return { attachments: [...s.attachments, event.data.attachment] };
    case 'PermitDocumentRemoved':
      return { attachments: s.attachments.filter((a) => a.sha256 !== event.data.sha256) };
    case 'PermitTaken':
      return { clerkId: event.data.clerkId };
    case 'SurveyorAssigned':
      return { surveyorId: event.data.surveyorId };
    case 'SiteVisitReported':
      return { survey: event.data.survey };
    case 'MapOrderIssued': {
      const { limits, ruleSetVersion } = event.data;
      return { mapOrder: { limits, ruleSetVersion } };
    }
    case 'EngineerNominated':
      return { nominee: event.data.nominee };
    case 'DesignSubmitted': {
      const { engineerId, organisation, design, violations } = event.data;
      return { design: { engineerId, organisation, design, violations } };
    }
    case 'FeesAssessed': {
      const { ruleSetVersion, lines, total } = event.data;
      return { fees: { ruleSetVersion, lines, total } };
    }
    case 'FeeOverridden': {
      if (!('fees' in s)) return {};
      const { line, to, total } = event.data;
      const lines = s.fees.lines.map((l) => (l.code === line ? { ...l, amount: to } : l));
      return { fees: { ...s.fees, lines, total } };
    }
    case 'PermitPaymentRecorded': {
      const { permitId: _, ...payment } = event.data;
      return { payments: [...s.payments, payment] };
    }
    case 'PermitIssued': {
      const { issuedAt, validUntil, inspectionStages } = event.data;
      const plan = inspectionStages ?? ('validity' in s ? s.inspectionPlan : undefined);
      return {
        validity: { issuedAt, validUntil },
        revocation: undefined,
        renewal: undefined,
        ...(plan === undefined ? {} : { inspectionPlan: plan }),
      };
    }
    case 'InspectionAssigned': {
      const { stage, inspectorId, dueBy } = event.data;
      return { inspectionAssignment: { stage, inspectorId, dueBy } };
    }
    case 'EngineerStageReported':
      return { stageReports: [...('validity' in s ? (s.stageReports ?? []) : []), event.data.stage] };
    case 'StageInspected': {
      const { stage, inspectorId, violations, result } = event.data;
      const inspectedStages = [...('validity' in s ? (s.inspectedStages ?? []) : []), stage];
      if (result === 'compliant') return { inspectedStages };
      return { inspectedStages, inspection: { inspectorId, compliant: false, violations } };
    }
    case 'PermitRevoked': {
      const { permitId: _, ...revocation } = event.data;
      const revokedCodes = [...('validity' in s ? (s.revokedCodes ?? []) : []), revocation.code];
      return { revocation, revokedCodes };
    }
    case 'PermitRenewalRequested': {
      const { ruleSetVersion, lines, total } = event.data;
      return { renewal: { ruleSetVersion, lines, total } };
    }
    case 'PermitRenewed':
      return { validity: event.data.validity, renewal: undefined, revocation: undefined };
    // A renewal not paid ends with the request withdrawn or the permit run out.
    case 'PermitRenewalWithdrawn':
    case 'PermitExpired':
      return { renewal: undefined };
    case 'InspectionReported': {
      const { inspectorId, compliant, violations } = event.data;
      const done = 'validity' in s ? (s.inspectedStages ?? []) : [];
      const inspectedStages = [...done, 'completion' as const];
      return { inspection: { inspectorId, compliant, violations }, inspectedStages };
    }
    case 'CommissionRuled': {
      const { permitId: _, ...ruling } = event.data;
      return { ruling };
    }
    case 'PermitSubmitted':
    case 'PermitReturned':
    case 'DesignReturned':
    case 'DesignApproved':
    case 'CompletionRequested':
    case 'ReferredToCommission':
    case 'CompletionCertificateIssued':
    case 'PermitWithdrawn':
    case 'PermitRejected':
      return {};
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
