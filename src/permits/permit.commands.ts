import type { FeeEstimate, FeeLineCode } from '../fees/calculate-fees.js';
import type { Grant } from '../identity/roles.js';
import type { InspectionStagePlan, RuleSet } from '../rule-sets/rule-set.js';
import type { MapOrderLimits } from './map-order-limits.js';
import type { PermitEvent } from './permit.events.js';

type DataOf<T extends PermitEvent['type']> = Extract<PermitEvent, { type: T }>['data'];
type PermitRef = { readonly permitId: string };
/** UTC ISO-8601, e.g. 2026-04-01T08:30:00Z; the handler passes its clock's time. */
type Instant = string;

/** The permit a renewal names, as the handler found it; absent when there is no such permit. */
export type RenewedPermit = {
  readonly municipality: string;
  readonly renewalCode: string;
  /** Issued once, whatever became of it since (expired, completed). */
  readonly issued: boolean;
};

/** The user a clerk assigns as surveyor, as the handler found them; absent when there is no such user. */
export type Assignee = { readonly disabled: boolean; readonly grants: readonly Grant[] };

/**
 * What may be asked of a permit file. Which role asks (citizen, clerk, surveyor, engineer, signatory,
 * system) is checked by the HTTP layer; commands name a person only where the decision depends on
 * them or the event records them. The facts a rule needs (rule-set values, the parcel's owners, the
 * permit renewed, the surveyor's grants) are looked up by the handler and passed in.
 */
export type PermitCommand =
  /** Citizen: a new file for a parcel the applicant owns; `parcelOwners` are the owners' national ids. */
  | {
      readonly type: 'OpenPermitDraft';
      readonly data: DataOf<'PermitDraftOpened'> & {
        /** Claimed for the file's stream by the handler: every new file has one. */
        readonly trackingNumber: string;
        readonly parcelOwners: readonly string[];
        /** Looked up when `renewsPermitId` is named. */
        readonly renewedPermit?: RenewedPermit;
      };
    }
  | { readonly type: 'AddAttachment'; readonly data: DataOf<'PermitDocumentAttached'> }
  | { readonly type: 'RemoveAttachment'; readonly data: DataOf<'PermitDocumentRemoved'> }
  /** `requiredDocuments`: the rule set's list for the application type. */
  | {
      readonly type: 'SubmitPermit';
      readonly data: PermitRef & { readonly requiredDocuments: readonly string[] };
    }
  /** Clerk: takes the file in hand; any clerk may then act on it. */
  | { readonly type: 'TakePermit'; readonly data: DataOf<'PermitTaken'> }
  | { readonly type: 'ReturnPermit'; readonly data: DataOf<'PermitReturned'> }
  /** `surveyor`: the user `surveyorId` names, if any. */
  | {
      readonly type: 'AssignSurveyor';
      readonly data: DataOf<'SurveyorAssigned'> & { readonly surveyor?: Assignee };
    }
  /** Surveyor: only the one assigned. */
  | { readonly type: 'ReportSiteVisit'; readonly data: DataOf<'SiteVisitReported'> }
  /** Clerk: the rule set in force and the parcel's zone; the limits are computed on the measured area. */
  | {
      readonly type: 'IssueMapOrder';
      readonly data: PermitRef & { readonly ruleSet: RuleSet; readonly zone: string };
    }
  /** Applicant: the engineering office, and optionally its engineer, who alone may submit the design. */
  /**
   * Applicant: an engineer (by user id) and/or an engineering office. The handler adds the facts: the
   * active engineering offices the named engineer holds the engineer role for (none when unknown or
   * disabled), and whether the named office is an active engineering office.
   */
  | {
      readonly type: 'NominateEngineer';
      readonly data: {
        readonly permitId: string;
        readonly engineerId?: string;
        readonly organisation?: string;
        readonly engineerOffices: readonly string[];
        readonly organisationKnown: boolean;
      };
    }
  /** Engineer: `engineerId` and `organisation` are the caller's; the decider checks the nomination and the map order. */
  | {
      readonly type: 'SubmitDesign';
      readonly data: Omit<DataOf<'DesignSubmitted'>, 'violations'>;
    }
  | { readonly type: 'ReturnDesign'; readonly data: DataOf<'DesignReturned'> }
  /** `overrideReason` is required when the design violates the map order, and ignored otherwise. */
  | { readonly type: 'ApproveDesign'; readonly data: PermitRef & { readonly overrideReason?: string } }
  /** System: the `calculateFees` estimate for the approved design. */
  | { readonly type: 'AssessFees'; readonly data: DataOf<'FeesAssessed'> }
  /** Clerk: `to` in integer rials. */
  | {
      readonly type: 'OverrideFee';
      readonly data: PermitRef & { readonly line: FeeLineCode; readonly to: number; readonly reason: string };
    }
  /** Bank gateway or cash desk: the fees, or the fine of a commission ruling. */
  | { readonly type: 'RecordPayment'; readonly data: DataOf<'PermitPaymentRecorded'> }
  /** Signatory: `validityMonths` and `inspectionStages` from the rule set in force. */
  | {
      readonly type: 'IssuePermit';
      readonly data: PermitRef & {
        readonly at: Instant;
        readonly validityMonths: number;
        readonly inspectionStages?: readonly InspectionStagePlan[];
      };
    }
  /** System: a permit whose validity ended. */
  | { readonly type: 'ExpirePermit'; readonly data: PermitRef & { readonly at: Instant } }
  /** Citizen: the building is finished. */
  | { readonly type: 'RequestCompletion'; readonly data: PermitRef & { readonly at: Instant } }
  /** Inspector (بازرس ساختمان): the one assigned the completion stage, or any, on a file without stages. */
  | { readonly type: 'ReportInspection'; readonly data: DataOf<'InspectionReported'> }
  /**
   * System or clerk: the file's current stage to an inspector, due `at` plus the stage's days. The
   * handler adds `inspector`, the user `inspectorId` names if any, and `region`, the file's region.
   */
  | {
      readonly type: 'AssignInspector';
      readonly data: PermitRef & {
        readonly inspectorId: string;
        readonly at: Instant;
        readonly inspector?: Assignee;
        readonly region?: string;
        /** The system's: a stage assigned already, by hand or otherwise, stays as it is. */
        readonly unassignedOnly?: boolean;
      };
    }
  /** Engineer: the nominated one; `engineerOffices` are the offices the caller is an engineer of. */
  | {
      readonly type: 'ReportEngineerStage';
      readonly data: DataOf<'EngineerStageReported'> & { readonly engineerOffices: readonly string[] };
    }
  /** Inspector: only the one assigned the stage. */
  | { readonly type: 'InspectStage'; readonly data: DataOf<'StageInspected'> }
  /** Clerk: a file with violations goes to the Article 100 commission (کمیسیون ماده ۱۰۰). */
  | { readonly type: 'ReferToCommission'; readonly data: PermitRef }
  | { readonly type: 'RecordCommissionRuling'; readonly data: DataOf<'CommissionRuled'> }
  /** Signatory: the completion certificate (پایانکار). */
  | { readonly type: 'IssueCompletionCertificate'; readonly data: PermitRef & { readonly at: Instant } }
  /** System: the permit's document was revoked, or replaced by one no longer valid. */
  | { readonly type: 'RecordPermitRevocation'; readonly data: DataOf<'PermitRevoked'> }
  /**
   * Applicant: renew the permit on its own file. The handler adds the renewal fee and the map order's
   * limits again, both by the rule set in force at `at` for the parcel's zone and measured area.
   */
  | {
      readonly type: 'RequestRenewal';
      readonly data: PermitRef & {
        readonly at: Instant;
        readonly fees: FeeEstimate;
        readonly limitsInForce: MapOrderLimits;
      };
    }
  /** Signatory: `validityMonths` and `ruleSetVersion` from the rule set in force. */
  | {
      readonly type: 'RenewPermit';
      readonly data: PermitRef & {
        readonly at: Instant;
        readonly validityMonths: number;
        readonly ruleSetVersion: number;
      };
    }
  /** Applicant or counter office: a renewal requested and not paid, given up; `at` decides expired or issued. */
  | { readonly type: 'WithdrawRenewal'; readonly data: PermitRef & { readonly at: Instant } }
  /** Citizen. */
  | { readonly type: 'WithdrawPermit'; readonly data: PermitRef }
  /** Clerk. */
  | { readonly type: 'RejectPermit'; readonly data: DataOf<'PermitRejected'> };

export type PermitCommandType = PermitCommand['type'];
