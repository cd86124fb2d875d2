import type { ApplicationType } from '../rule-sets/rule-set.js';
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
export type IssuedFile = AssessedFile & { readonly validity: Validity };
export type Inspection = {
  readonly inspectorId: string;
  readonly compliant: boolean;
  readonly violations: readonly InspectionViolation[];
};
export type InspectedFile = IssuedFile & { readonly inspection: Inspection };
export type RuledFile = InspectedFile & { readonly ruling: CommissionRuling };

/** One union member per status, so that narrowing on `status` narrows the data. */
type At<Status extends string, File> = Status extends string ? File & { readonly status: Status } : never;

/**
 * A permit file's state. The happy path: draft → submitted → under_review → surveying → surveyed →
 * awaiting_design (map order issued) → design_submitted → design_approved → fees_assessed → paid →
 * issued → completion_requested → inspected (compliant) → completed. Side paths: returned (back to
 * the citizen, then submitted again), design_returned (back to the engineer), a zero total skips
 * `paid`; a non-compliant inspection → in_commission → fine_due → fine_paid → completed, or
 * demolition_ordered. Closed for good: expired, completed, demolition_ordered, withdrawn, rejected.
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

/**
 * Folds one event. The decider only appends events its state allows, so an event met in another
 * state (which a valid stream never holds) leaves the state as it is.
 */
export function evolvePermit(state: PermitState, event: PermitEvent): PermitState {
  if (event.type === 'PermitDraftOpened') {
    const { permitId, municipality, renewalCode, applicationType, applicantNationalId, renewsPermitId } =
      event.data;
    return {
      status: 'draft',
      permitId,
      municipality,
      renewalCode,
      applicationType,
      applicantNationalId,
      ...(renewsPermitId === undefined ? {} : { renewsPermitId }),
      attachments: [],
      payments: [],
    };
  }
  if (state.status === 'absent') return state;
  return evolveFile(state, event);
}

function evolveFile(
  state: ExistingPermitState,
  event: Exclude<PermitEvent, { type: 'PermitDraftOpened' }>,
): PermitState {
  const s = state;
  switch (event.type) {
    case 'PermitDocumentAttached':
      return { ...s, attachments: [...s.attachments, event.data.attachment] };
    case 'PermitDocumentRemoved':
      return { ...s, attachments: s.attachments.filter((a) => a.sha256 !== event.data.sha256) };
    case 'PermitSubmitted':
      return s.status === 'draft' || s.status === 'returned' ? { ...s, status: 'submitted' } : s;
    case 'PermitTaken':
      return s.status === 'submitted' || s.status === 'under_review'
        ? { ...s, status: 'under_review', clerkId: event.data.clerkId }
        : s;
    case 'PermitReturned':
      return s.status === 'under_review' ? { ...s, status: 'returned' } : s;
    case 'SurveyorAssigned':
      return s.status === 'under_review' || s.status === 'surveying'
        ? { ...s, status: 'surveying', surveyorId: event.data.surveyorId }
        : s;
    case 'SiteVisitReported':
      return s.status === 'surveying' ? { ...s, status: 'surveyed', survey: event.data.survey } : s;
    case 'MapOrderIssued': {
      const { limits, ruleSetVersion } = event.data;
      return s.status === 'surveyed'
        ? { ...s, status: 'awaiting_design', mapOrder: { limits, ruleSetVersion } }
        : s;
    }
    case 'EngineerNominated':
      return { ...s, nominee: event.data.nominee };
    case 'DesignSubmitted': {
      const { engineerId, organisation, design, violations } = event.data;
      return s.status === 'awaiting_design' || s.status === 'design_returned'
        ? {
            ...s,
            status: 'design_submitted',
            design: { engineerId, organisation, design, violations },
          }
        : s;
    }
    case 'DesignReturned':
      return s.status === 'design_submitted' ? { ...s, status: 'design_returned' } : s;
    case 'DesignApproved':
      return s.status === 'design_submitted' ? { ...s, status: 'design_approved' } : s;
    case 'FeesAssessed': {
      const { ruleSetVersion, lines, total } = event.data;
      return s.status === 'design_approved'
        ? { ...s, status: 'fees_assessed', fees: { ruleSetVersion, lines, total } }
        : s;
    }
    case 'FeeOverridden': {
      if (s.status !== 'fees_assessed') return s;
      const { line, to, total } = event.data;
      const lines = s.fees.lines.map((l) => (l.code === line ? { ...l, amount: to } : l));
      return { ...s, fees: { ...s.fees, lines, total } };
    }
    case 'PermitPaymentRecorded': {
      const { permitId: _, ...payment } = event.data;
      const paid = { ...s, payments: [...s.payments, payment] };
      if (paid.status === 'fees_assessed' && payment.purpose === 'fees') return { ...paid, status: 'paid' };
      if (paid.status === 'fine_due' && payment.purpose === 'fine') return { ...paid, status: 'fine_paid' };
      return paid;
    }
    case 'PermitIssued': {
      const { issuedAt, validUntil } = event.data;
      return s.status === 'paid' || s.status === 'fees_assessed'
        ? { ...s, status: 'issued', validity: { issuedAt, validUntil } }
        : s;
    }
    case 'PermitExpired':
      return s.status === 'issued' ? { ...s, status: 'expired' } : s;
    case 'CompletionRequested':
      return s.status === 'issued' ? { ...s, status: 'completion_requested' } : s;
    case 'InspectionReported': {
      const { inspectorId, compliant, violations } = event.data;
      return s.status === 'completion_requested'
        ? { ...s, status: 'inspected', inspection: { inspectorId, compliant, violations } }
        : s;
    }
    case 'ReferredToCommission':
      return s.status === 'inspected' ? { ...s, status: 'in_commission' } : s;
    case 'CommissionRuled': {
      if (s.status !== 'in_commission') return s;
      const { permitId: _, ...ruling } = event.data;
      return {
        ...s,
        status: ruling.ruling === 'fine' ? 'fine_due' : 'demolition_ordered',
        ruling,
      };
    }
    case 'CompletionCertificateIssued':
      return s.status === 'inspected' || s.status === 'fine_paid' ? { ...s, status: 'completed' } : s;
    case 'PermitWithdrawn':
      return { ...s, status: 'withdrawn' };
    case 'PermitRejected':
      return { ...s, status: 'rejected' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
