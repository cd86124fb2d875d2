import type { Decider } from '../event-store/command-handling/decider.js';
import { decideApplication, openDraft } from './permit-application.decider.js';
import { decideCompletion, recordRevocation } from './permit-completion.decider.js';
import { conflict, type Decision, type LiveState } from './permit-decision.js';
import { permitNotFound } from './permit-decision.js';
import { decideDesign } from './permit-design.decider.js';
import { decideInspection } from './permit-inspection.decider.js';
import { decideNomination } from './permit-nomination.decider.js';
import { decidePayment } from './permit-payment.decider.js';
import { decideRenewal } from './permit-renewal.decider.js';
import { decideReview } from './permit-review.decider.js';
import type { PermitCommand } from './permit.commands.js';
import type { PermitEvent } from './permit.events.js';
import {
  evolvePermit,
  initialPermitState,
  isClosed,
  type ExistingPermitState,
  type PermitState,
} from './permit.state.js';

export { permitNotFound };

/**
 * Order of judgement: an unknown file is PERMIT.NOT_FOUND; a command already carried out (the same
 * payment reference, fees already assessed, an expired permit expired again) decides nothing; a
 * closed file is PERMIT.CLOSED; then the phase's decider judges the command's own values ('invalid'),
 * then the file's status ('conflict', `details.status`), then rules that compare the two.
 */
function decide(command: PermitCommand, state: PermitState): Decision {
  if (command.type === 'OpenPermitDraft') return openDraft(command, state);
  if (state.status === 'absent') return permitNotFound(command.data.permitId);
  if (isRepeated(command, state)) return [];
  // A revoked document is a fact to record on the file, closed or not.
  if (command.type === 'RecordPermitRevocation') return recordRevocation(command, state);
  // An expired permit is renewable: the renewal decider judges closed files itself.
  if (
    command.type === 'RequestRenewal' ||
    command.type === 'RenewPermit' ||
    command.type === 'WithdrawRenewal'
  )
    return decideRenewal(command, state);
  if (isClosed(state)) return conflict('PERMIT.CLOSED', 'The permit file is closed', state);
  return decideLive(command, state);
}

function isRepeated(command: PermitCommand, state: ExistingPermitState): boolean {
  switch (command.type) {
    case 'RecordPayment': {
      const { reference, purpose } = command.data;
      return state.payments.some((p) => p.reference === reference && p.purpose === purpose);
    }
    case 'AssessFees':
      return 'fees' in state;
    case 'ExpirePermit':
      return state.status === 'expired';
    case 'RecordPermitRevocation':
      return 'validity' in state && (state.revokedCodes ?? []).includes(command.data.code);
    default:
      return false;
  }
}

/** Hands a command on a live file to the decider of its phase. */
function decideLive(
  command: Exclude<
    PermitCommand,
    {
      type:
        'OpenPermitDraft' | 'RecordPermitRevocation' | 'RequestRenewal' | 'RenewPermit' | 'WithdrawRenewal';
    }
  >,
  state: LiveState,
): Decision {
  switch (command.type) {
    case 'AddAttachment':
    case 'RemoveAttachment':
    case 'SubmitPermit':
    case 'WithdrawPermit':
    case 'RejectPermit':
      return decideApplication(command, state);
    case 'TakePermit':
    case 'ReturnPermit':
    case 'AssignSurveyor':
    case 'ReportSiteVisit':
    case 'IssueMapOrder':
      return decideReview(command, state);
    case 'NominateEngineer':
      return decideNomination(command, state);
    case 'SubmitDesign':
    case 'ReturnDesign':
    case 'ApproveDesign':
      return decideDesign(command, state);
    case 'AssessFees':
    case 'OverrideFee':
    case 'RecordPayment':
    case 'IssuePermit':
      return decidePayment(command, state);
    case 'ExpirePermit':
    case 'RequestCompletion':
    case 'ReportInspection':
    case 'ReferToCommission':
    case 'RecordCommissionRuling':
    case 'IssueCompletionCertificate':
      return decideCompletion(command, state);
    case 'AssignInspector':
    case 'ReportEngineerStage':
    case 'InspectStage':
      return decideInspection(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/**
 * The building-permit file. Each command, the statuses it acts in, and its refusals (all 'conflict'
 * unless marked); `[]` marks a repetition that decides nothing.
 *
 * | command                    | acts in                          | refusals |
 * |----------------------------|----------------------------------|----------|
 * | OpenPermitDraft            | absent                           | ALREADY_EXISTS, NOT_PARCEL_OWNER (forbidden), NOT_RENEWABLE (invalid), INVALID_APPLICATION (invalid) |
 * | AddAttachment              | draft, returned                  | NOT_EDITABLE, DOCUMENT_ALREADY_ATTACHED (same file, other kind; same kind: []), INVALID_ATTACHMENT (invalid) |
 * | RemoveAttachment           | draft, returned                  | NOT_EDITABLE, DOCUMENT_NOT_ATTACHED (not_found) |
 * | SubmitPermit               | draft, returned                  | NOT_EDITABLE, MISSING_DOCUMENTS (details.missing) |
 * | TakePermit                 | submitted, under_review          | NOT_SUBMITTED, NOT_UNDER_REVIEW; the same clerk: [] |
 * | ReturnPermit               | under_review                     | NOT_SUBMITTED, NOT_TAKEN, NOT_UNDER_REVIEW, REASON_REQUIRED (invalid) |
 * | AssignSurveyor             | under_review, surveying          | NOT_A_SURVEYOR (invalid), NOT_SUBMITTED, NOT_TAKEN, NOT_UNDER_REVIEW; the same surveyor: [] |
 * | ReportSiteVisit            | surveying                        | NOT_SURVEYING, NOT_ASSIGNED_SURVEYOR (forbidden), INVALID_SURVEY (invalid) |
 * | IssueMapOrder              | surveyed                         | NOT_SURVEYED, MAP_ORDER_ALREADY_ISSUED, RULESET.UNKNOWN_ZONE |
 * | NominateEngineer           | draft to awaiting_design, design_returned | NOMINATION_CLOSED, INVALID_NOMINEE (invalid); the same nominee: [] |
 * | SubmitDesign               | awaiting_design, design_returned | NO_MAP_ORDER, DESIGN_NOT_EXPECTED, NOT_NOMINATED_ENGINEER (forbidden), INVALID_DESIGN (invalid) |
 * | ReturnDesign               | design_submitted                 | NO_DESIGN_TO_REVIEW, REASON_REQUIRED (invalid) |
 * | ApproveDesign              | design_submitted                 | NO_DESIGN_TO_REVIEW, DESIGN_VIOLATES_LIMITS (details.violations) |
 * | AssessFees                 | design_approved                  | DESIGN_NOT_APPROVED, INVALID_FEES (invalid); assessed already: [] |
 * | OverrideFee                | fees_assessed                    | FEES_NOT_ASSESSED, ALREADY_PAID, UNKNOWN_FEE_LINE, INVALID_FEE_AMOUNT, REASON_REQUIRED (invalid); same amount: [] |
 * | RecordPayment 'fees'       | fees_assessed                    | FEES_NOT_ASSESSED, ALREADY_PAID, PAYMENT.AMOUNT_MISMATCH (details.expected) |
 * | RecordPayment 'fine'       | fine_due                         | NO_FINE_DUE, ALREADY_PAID, PAYMENT.AMOUNT_MISMATCH |
 * | RecordPayment (both)       |                                  | PAYMENT.REFERENCE_USED (for the other purpose), PAYMENT.INVALID_* (invalid); a reference recorded: [] in any status |
 * | IssuePermit                | paid; fees_assessed at total 0; revoked, in any live status since issued | FEES_NOT_ASSESSED, FEES_UNPAID, ALREADY_ISSUED, RENEWAL_PAID (revoked; RenewPermit replaces it), INVALID_VALIDITY (invalid) |
 * | AssignInspector            | issued, completion_requested, fine_paid, a stage due, not revoked | NOT_AN_INSPECTOR (invalid), REVOKED, RENEWAL_PENDING, NO_INSPECTION_DUE; the same inspector: []; the system's on a revoked or renewing file: [] |
 * | ReportEngineerStage        | issued, completion_requested, the stage current, not revoked | NOT_NOMINATED_ENGINEER (forbidden), REVOKED, RENEWAL_PENDING, NOT_CURRENT_STAGE, INVALID_STAGE_REPORT (invalid) |
 * | InspectStage               | issued, the stage current, not completion, not revoked | NOT_CURRENT_STAGE, REVOKED, RENEWAL_PENDING, NOT_ASSIGNED_INSPECTOR (forbidden), VIOLATIONS_REQUIRED, INVALID_INSPECTION (invalid) |
 * | ExpirePermit               | issued, renewal_requested, when at ≥ validUntil | NOT_ISSUED; before validUntil, once completion is requested or a renewal paid, or expired: [] |
 * | RecordPermitRevocation     | any status since issued, closed too | NOT_ISSUED; the same document code again: [] |
 * | RequestCompletion          | issued, not revoked, when at < validUntil | NOT_ISSUED, REVOKED (details.code, reason, revokedAt), EXPIRED, COMPLETION_ALREADY_REQUESTED, RENEWAL_PENDING, STAGE_NOT_INSPECTED (details.stage), VIOLATIONS_PENDING |
 * | RequestRenewal             | issued, expired (closed), not revoked | NOT_ISSUED, COMPLETION_ALREADY_REQUESTED, VIOLATIONS_PENDING, RENEWAL_ALREADY_REQUESTED, REVOKED, RENEWAL_NEEDS_REVIEW (details.mapOrder, inForce), INVALID_FEES (invalid) |
 * | WithdrawRenewal            | renewal_requested (unpaid)       | NO_RENEWAL_REQUESTED, RENEWAL_PAID; back to issued, or expired when at ≥ validUntil |
 * | RecordPayment 'renewal'    | renewal_requested                | NO_RENEWAL_DUE, ALREADY_PAID, PAYMENT.AMOUNT_MISMATCH |
 * | RenewPermit                | renewal_paid; renewal_requested at fee 0; revoked too (replaces it) | NO_RENEWAL_REQUESTED, RENEWAL_UNPAID (details.outstanding), INVALID_VALIDITY, INVALID_RULE_SET_VERSION (invalid) |
 * | ReportInspection           | completion_requested, not revoked | NOT_AWAITING_INSPECTION, REVOKED, NOT_ASSIGNED_INSPECTOR (forbidden; with stages), VIOLATIONS_REQUIRED, INVALID_INSPECTION (invalid) |
 * | ReferToCommission          | inspected with violations        | NOT_INSPECTED, NO_VIOLATIONS, ALREADY_REFERRED |
 * | RecordCommissionRuling     | in_commission                    | NOT_IN_COMMISSION, INVALID_RULING (invalid) |
 * | IssueCompletionCertificate | inspected compliant, fine_paid, not revoked | REVOKED, NOT_INSPECTED, NOT_COMPLIANT, FINE_UNPAID, STAGE_NOT_INSPECTED |
 * | WithdrawPermit             | any status before issued         | ALREADY_ISSUED |
 * | RejectPermit               | any status after draft, before issued | NOT_SUBMITTED, ALREADY_ISSUED, REASON_REQUIRED (invalid) |
 *
 * Codes are PERMIT.* unless named otherwise. Every command but OpenPermitDraft is PERMIT.NOT_FOUND
 * (not_found) on an absent file and PERMIT.CLOSED on a closed one; times are PERMIT.INVALID_TIME
 * (invalid). A fine ruling leaves the file at fine_due until the fine is paid, then the signatory
 * issues the certificate; a demolition ruling closes it (demolition_ordered). A revoked permit
 * (ابطال پروانه) stops completion and stage inspections until the signatory issues a new permit, which
 * clears the revocation and leaves the file where it was (violations and fines stand; a completion
 * requested is asked anew, a renewal not paid is dropped); a renewal paid is renewed instead.
 * A permit issued with inspection stages has each stage before completion inspected by the inspector
 * assigned to it, a stage with violations taking the commission's path; completion waits for them.
 * A renewal (تمدید پروانه) is the short path on the permit's own file, with no survey or design review
 * unless the rule set in force changed the parcel's limits: then the applicant applies anew.
 */
export const permitDecider: Decider<PermitCommand, PermitState, PermitEvent> = {
  initialState: initialPermitState,
  evolve: evolvePermit,
  decide,
};
