import type { FeeLine, FeeLineCode } from '../fees/calculate-fees.js';
import type { ApplicationType, InspectionStage, InspectionStagePlan } from '../rule-sets/rule-set.js';
import type { Design, DesignViolation } from './design-check.js';
import type { MapOrderLimits } from './map-order-limits.js';

/** A stored file attached to the application; the bytes live in blob storage under `sha256`. */
export type Attachment = {
  /** What the document is, as the rule set names required documents: ownership_deed, site_plan … */
  readonly kind: string;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  /** Bytes. */
  readonly size: number;
  readonly mediaType: string;
  readonly fileName: string;
};

/** Why a clerk returned the application: about one document kind, or about the whole file. */
export type ReturnReason = { readonly documentKind?: string; readonly reason: string };

export type ExistingStructure = {
  readonly floors: number;
  readonly areaM2: number;
  readonly description: string;
};

/** What the surveyor (نقشه‌بردار) found on site. */
export type SiteSurvey = {
  /** At most 2 decimals: the map order's limits are computed on it. */
  readonly measuredAreaM2: number;
  readonly streetWidthM: number;
  readonly existingStructures: readonly ExistingStructure[];
  /** SHA-256 of the photos, stored like attachments. */
  readonly photos: readonly string[];
};

/** Approving a design that violates its map order, with the clerk's written reason, kept for oversight. */
export type DesignOverride = { readonly violations: readonly DesignViolation[]; readonly reason: string };

/**
 * Who may design the file: an engineering office (نظام مهندسی), and within it one engineer when the
 * applicant names one; then only that engineer submits the design, otherwise any engineer of the office.
 */
export type EngineerNominee = { readonly organisation: string; readonly engineerId?: string };

/**
 * Fees are the permit's fees (عوارض); a fine is the one an Article 100 commission ruled; a renewal is
 * the renewal fee (عوارض تمدید پروانه) of a renewal requested.
 */
export const PAYMENT_PURPOSES = ['fees', 'fine', 'renewal'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

export type Payment = {
  readonly purpose: PaymentPurpose;
  /** The bank's or cash desk's reference: the same reference is the same payment. */
  readonly reference: string;
  /** Integer rials. */
  readonly amount: number;
  /** counter_desk: taken at a counter office's desk (پرداخت در پیشخوان) for the citizen it acts for. */
  readonly channel: 'gateway' | 'cashier' | 'counter_desk';
  /** counter_desk only: the counter office that took it. */
  readonly office?: string;
  /** UTC ISO-8601. */
  readonly paidAt: string;
};

/** A deviation from the permit found at the completion inspection. */
export type InspectionViolation = {
  readonly description: string;
  /** The area concerned, e.g. built beyond the permit, in m². */
  readonly areaM2?: number;
  /** SHA-256 of photos. */
  readonly photos?: readonly string[];
};

/** The Article 100 commission's (کمیسیون ماده ۱۰۰) ruling; `fineAmount` in rials, only for a fine. */
export type CommissionRuling = {
  readonly ruling: 'fine' | 'demolition';
  readonly fineAmount?: number;
  /** The ruling's number or reference. */
  readonly reference: string;
  readonly notes?: string;
};

/**
 * Why the file's building permit no longer stands: its document `code` was revoked (ابطال), or was
 * replaced by the document `supersededBy`, itself no longer valid. `revokedAt` is when that happened.
 */
export type PermitRevocation = {
  readonly code: string;
  readonly reason: string;
  /** UTC ISO-8601, the document event's time. */
  readonly revokedAt: string;
  readonly supersededBy?: string;
};

/** When a building permit was issued (or renewed) and until when it runs; UTC ISO-8601. */
export type PermitValidity = { readonly issuedAt: string; readonly validUntil: string };

type PermitRef = { readonly permitId: string };
type Of<Data> = PermitRef & Data;

/**
 * A building-permit (پروانه ساختمانی) file, in stream `permit-<permitId>`, from the draft to the
 * completion certificate (پایانکار). Who did what is in each event's metadata.actor.
 */
export type PermitEvent =
  | {
      readonly type: 'PermitDraftOpened';
      readonly data: Of<{
        readonly municipality: string;
        /** Canonical renewal code (کد نوسازی) of the parcel. */
        readonly renewalCode: string;
        readonly applicationType: ApplicationType;
        /** The owner (کد ملی) the file is for, whoever typed it in. */
        readonly applicantNationalId: string;
        /** Only for a Renewal: the permit it renews. */
        readonly renewsPermitId?: string;
        /**
         * The file's tracking number (کد رهگیری), claimed before the file was opened; absent from files
         * opened before tracking numbers were given, present on every file opened since.
         */
        readonly trackingNumber?: string;
      }>;
    }
  | { readonly type: 'PermitDocumentAttached'; readonly data: Of<{ readonly attachment: Attachment }> }
  | { readonly type: 'PermitDocumentRemoved'; readonly data: Of<{ readonly sha256: string }> }
  | { readonly type: 'PermitSubmitted'; readonly data: PermitRef }
  | { readonly type: 'PermitTaken'; readonly data: Of<{ readonly clerkId: string }> }
  | { readonly type: 'PermitReturned'; readonly data: Of<{ readonly reasons: readonly ReturnReason[] }> }
  | { readonly type: 'SurveyorAssigned'; readonly data: Of<{ readonly surveyorId: string }> }
  | {
      readonly type: 'SiteVisitReported';
      readonly data: Of<{ readonly surveyorId: string; readonly survey: SiteSurvey }>;
    }
  | {
      readonly type: 'MapOrderIssued';
      readonly data: Of<{ readonly limits: MapOrderLimits; readonly ruleSetVersion: number }>;
    }
  | { readonly type: 'EngineerNominated'; readonly data: Of<{ readonly nominee: EngineerNominee }> }
  | {
      readonly type: 'DesignSubmitted';
      readonly data: Of<{
        readonly engineerId: string;
        /** The engineering organisation (نظام مهندسی) the engineer belongs to. */
        readonly organisation: string;
        readonly design: Design;
        /** From `checkDesign` against the map order; empty when the design complies. */
        readonly violations: readonly DesignViolation[];
      }>;
    }
  | { readonly type: 'DesignReturned'; readonly data: Of<{ readonly reasons: readonly string[] }> }
  | { readonly type: 'DesignApproved'; readonly data: Of<{ readonly override?: DesignOverride }> }
  | {
      readonly type: 'FeesAssessed';
      readonly data: Of<{
        readonly ruleSetVersion: number;
        readonly lines: readonly FeeLine[];
        /** Integer rials, the sum of the lines. */
        readonly total: number;
      }>;
    }
  | {
      readonly type: 'FeeOverridden';
      readonly data: Of<{
        readonly line: FeeLineCode;
        readonly from: number;
        readonly to: number;
        readonly reason: string;
        /** The fees' total after the change. */
        readonly total: number;
      }>;
    }
  | { readonly type: 'PermitPaymentRecorded'; readonly data: Of<Payment> }
  | {
      readonly type: 'PermitIssued';
      readonly data: Of<{
        readonly issuedAt: string;
        readonly validUntil: string;
        /** The rule set's stages inspected during construction; absent, the completion inspection alone. */
        readonly inspectionStages?: readonly InspectionStagePlan[];
        /** A permit issued in place of a revoked one: the revoked permit document's code. */
        readonly replaces?: string;
      }>;
    }
  /** The file's current stage goes to a building inspector (بازرس ساختمان) of its municipality. */
  | {
      readonly type: 'InspectionAssigned';
      readonly data: Of<{
        readonly stage: InspectionStage;
        readonly inspectorId: string;
        /** UTC ISO-8601: the stage's deadline days after the assignment. */
        readonly dueBy: string;
      }>;
    }
  /** The supervising engineer's stage report (گزارش مهندس ناظر); `attachments` are SHA-256 of stored files. */
  | {
      readonly type: 'EngineerStageReported';
      readonly data: Of<{
        readonly stage: InspectionStage;
        readonly engineerId: string;
        readonly summary: string;
        readonly attachments?: readonly string[];
      }>;
    }
  /** A construction stage's inspection; violations go the Article 100 commission's way, like completion's. */
  | {
      readonly type: 'StageInspected';
      readonly data: Of<{
        readonly stage: InspectionStage;
        readonly inspectorId: string;
        readonly findings: string;
        /** SHA-256 of the photos, stored like site photos. */
        readonly photos: readonly string[];
        readonly result: 'compliant' | 'violations';
        /** At least one for 'violations', none for 'compliant'. */
        readonly violations: readonly InspectionViolation[];
      }>;
    }
  /** `validUntil` is when the permit stopped being valid. */
  | { readonly type: 'PermitExpired'; readonly data: Of<{ readonly validUntil: string }> }
  | { readonly type: 'CompletionRequested'; readonly data: PermitRef }
  | {
      readonly type: 'InspectionReported';
      readonly data: Of<{
        readonly inspectorId: string;
        readonly compliant: boolean;
        /** At least one when not compliant, none when compliant. */
        readonly violations: readonly InspectionViolation[];
      }>;
    }
  | { readonly type: 'ReferredToCommission'; readonly data: PermitRef }
  | { readonly type: 'CommissionRuled'; readonly data: Of<CommissionRuling> }
  | { readonly type: 'CompletionCertificateIssued'; readonly data: Of<{ readonly issuedAt: string }> }
  /** The system, from the permit document's stream: completion waits for a new permit. */
  | { readonly type: 'PermitRevoked'; readonly data: Of<PermitRevocation> }
  /** Renewal (تمدید پروانه) on the permit's own file: the renewal fee by the rule set in force. */
  | {
      readonly type: 'PermitRenewalRequested';
      readonly data: Of<{
        readonly ruleSetVersion: number;
        readonly lines: readonly FeeLine[];
        /** Integer rials, the sum of the lines: what the renewal payment settles. */
        readonly total: number;
      }>;
    }
  /**
   * The signatory renewed the permit: `renews` is the validity it extends; the new one is issued at
   * the renewal and runs the rule set's period from the later of then and the old end.
   */
  | {
      readonly type: 'PermitRenewed';
      readonly data: Of<{
        readonly renews: PermitValidity;
        readonly validity: PermitValidity;
        readonly ruleSetVersion: number;
        /** A renewal of a permit revoked while it was requested: the revoked document's code, replaced. */
        readonly replaces?: string;
      }>;
    }
  /**
   * The applicant withdrew a renewal requested and not paid: the file is back at issued, or at expired
   * when the permit's validity ended meanwhile (`expired`).
   */
  | {
      readonly type: 'PermitRenewalWithdrawn';
      readonly data: Of<{ readonly validUntil: string; readonly expired: boolean }>;
    }
  | { readonly type: 'PermitWithdrawn'; readonly data: PermitRef }
  | { readonly type: 'PermitRejected'; readonly data: Of<{ readonly reason: string }> };

export type PermitEventType = PermitEvent['type'];

// A record, so that the compiler refuses a list that misses a type.
const EVENT_TYPES: { readonly [type in PermitEventType]: true } = {
  PermitDraftOpened: true,
  PermitDocumentAttached: true,
  PermitDocumentRemoved: true,
  PermitSubmitted: true,
  PermitTaken: true,
  PermitReturned: true,
  SurveyorAssigned: true,
  SiteVisitReported: true,
  MapOrderIssued: true,
  EngineerNominated: true,
  DesignSubmitted: true,
  DesignReturned: true,
  DesignApproved: true,
  FeesAssessed: true,
  FeeOverridden: true,
  PermitPaymentRecorded: true,
  PermitIssued: true,
  InspectionAssigned: true,
  EngineerStageReported: true,
  StageInspected: true,
  PermitExpired: true,
  CompletionRequested: true,
  InspectionReported: true,
  ReferredToCommission: true,
  CommissionRuled: true,
  CompletionCertificateIssued: true,
  PermitRevoked: true,
  PermitRenewalRequested: true,
  PermitRenewed: true,
  PermitRenewalWithdrawn: true,
  PermitWithdrawn: true,
  PermitRejected: true,
};

export const PERMIT_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly PermitEventType[];

export const permitStream = (permitId: string) => `permit-${permitId}`;
