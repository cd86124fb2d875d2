import type { Decider } from '../event-store/command-handling/decider.js';
import { DomainError } from '../shared/domain-error.js';
import { checkDesign, designProblem } from './design-check.js';
import type { PermitCommand } from './permit.commands.js';
import type { EngineerNominee, PermitEvent } from './permit.events.js';
import {
  applicationProblem,
  attachmentProblem,
  feesProblem,
  inspectionProblem,
  instantProblem,
  invalidTime,
  isRials,
  nomineeProblem,
  paymentProblem,
  reasonsProblem,
  rulingProblem,
  surveyProblem,
} from './permit-inputs.js';
import {
  evolvePermit,
  initialPermitState,
  isClosed,
  type ClosedStatus,
  type ExistingPermitState,
  type PermitState,
} from './permit.state.js';
import { addMonthsUtc, canonicalInstant, isAtOrAfter } from './permit-time.js';

type Decision = readonly PermitEvent[] | DomainError;
/** A file that still accepts commands. */
type LiveState = Exclude<ExistingPermitState, { readonly status: ClosedStatus }>;
type Command<T extends PermitCommand['type']> = Extract<PermitCommand, { type: T }>;

export const permitNotFound = (permitId: string) =>
  new DomainError('PERMIT.NOT_FOUND', `There is no permit file ${permitId}`, 'not_found', { permitId });

/** A command the file's status does not allow: `details.status` says where the file is. */
const conflict = (
  code: string,
  message: string,
  state: ExistingPermitState,
  details: Record<string, unknown> = {},
) =>
  new DomainError(code, `${message} (the file is ${state.status})`, 'conflict', {
    status: state.status,
    ...details,
  });

/**
 * Order of judgement: an unknown file is PERMIT.NOT_FOUND; a command already carried out (the same
 * payment reference, fees already assessed, an expired permit expired again) decides nothing; a
 * closed file is PERMIT.CLOSED; then the command's own values ('invalid'), then the file's status
 * ('conflict', `details.status`), then rules that compare the two.
 */
function decide(command: PermitCommand, state: PermitState): Decision {
  if (command.type === 'OpenPermitDraft') {
    if (state.status !== 'absent') return conflict('PERMIT.ALREADY_EXISTS', 'The permit file exists', state);
    return applicationProblem(command.data) ?? [{ type: 'PermitDraftOpened', data: command.data }];
  }
  if (state.status === 'absent') return permitNotFound(command.data.permitId);
  if (isRepeated(command, state)) return [];
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
    default:
      return false;
  }
}

function decideLive(
  command: Exclude<PermitCommand, { type: 'OpenPermitDraft' }>,
  state: LiveState,
): Decision {
  const { permitId } = command.data;
  switch (command.type) {
    case 'AttachDocument':
      return attach(command, state);
    case 'RemoveDocument': {
      const { sha256 } = command.data;
      if (!isEditable(state)) return notEditable(state);
      if (!state.attachments.some((a) => a.sha256 === sha256)) {
        const message = `No document ${sha256} is attached`;
        return new DomainError('PERMIT.DOCUMENT_NOT_ATTACHED', message, 'not_found', { sha256 });
      }
      return [{ type: 'PermitDocumentRemoved', data: { permitId, sha256 } }];
    }
    case 'SubmitPermit': {
      if (!isEditable(state)) return notEditable(state);
      const missing = [...new Set(command.data.requiredDocuments)].filter(
        (kind) => !state.attachments.some((a) => a.kind === kind),
      );
      if (missing.length > 0) {
        return conflict('PERMIT.MISSING_DOCUMENTS', `Attach ${missing.join(', ')} first`, state, { missing });
      }
      return [{ type: 'PermitSubmitted', data: { permitId } }];
    }
    case 'TakePermit': {
      const { clerkId } = command.data;
      if (state.status === 'under_review' && state.clerkId === clerkId) return [];
      if (state.status !== 'submitted' && state.status !== 'under_review') return notInReview(state);
      return [{ type: 'PermitTaken', data: { permitId, clerkId } }];
    }
    case 'ReturnPermit': {
      const { reasons } = command.data;
      const problem = reasonsProblem(
        reasons.map((r) => r.reason),
        'reasons',
      );
      if (problem) return problem;
      if (state.status !== 'under_review') return notInReview(state);
      return [{ type: 'PermitReturned', data: { permitId, reasons } }];
    }
    case 'AssignSurveyor': {
      const { surveyorId } = command.data;
      if (state.status === 'surveying' && state.surveyorId === surveyorId) return [];
      if (state.status !== 'under_review' && state.status !== 'surveying') return notInReview(state);
      return [{ type: 'SurveyorAssigned', data: { permitId, surveyorId } }];
    }
    case 'ReportSiteVisit': {
      const { surveyorId, survey } = command.data;
      const problem = surveyProblem(survey);
      if (problem) return problem;
      if (state.status !== 'surveying')
        return conflict('PERMIT.NOT_SURVEYING', 'No site visit is awaited', state);
      if (state.surveyorId !== surveyorId) {
        return new DomainError(
          'PERMIT.NOT_ASSIGNED_SURVEYOR',
          'Only the surveyor assigned to the file reports its site visit',
          'forbidden',
        );
      }
      return [{ type: 'SiteVisitReported', data: { permitId, surveyorId, survey } }];
    }
    case 'IssueMapOrder':
      return issueMapOrder(command, state);
    case 'NominateEngineer':
      return nominateEngineer(command, state);
    case 'SubmitDesign': {
      const { engineerId, organisation, design } = command.data;
      const problem = designProblem(design);
      if (problem) return problem;
      if (state.status !== 'awaiting_design' && state.status !== 'design_returned') {
        return 'mapOrder' in state
          ? conflict('PERMIT.DESIGN_NOT_EXPECTED', 'A design is under review or approved', state)
          : conflict('PERMIT.NO_MAP_ORDER', 'A design answers a map order, which is not issued yet', state);
      }
      const refusal = notNominated(state.nominee, engineerId, organisation);
      if (refusal) return refusal;
      const violations = checkDesign(design, state.mapOrder.limits);
      return [{ type: 'DesignSubmitted', data: { permitId, engineerId, organisation, design, violations } }];
    }
    case 'ReturnDesign': {
      const { reasons } = command.data;
      const problem = reasonsProblem(reasons, 'reasons');
      if (problem) return problem;
      if (state.status !== 'design_submitted') return noDesignToReview(state);
      return [{ type: 'DesignReturned', data: { permitId, reasons } }];
    }
    case 'ApproveDesign':
      return approveDesign(command, state);
    case 'AssessFees': {
      const { ruleSetVersion, lines, total } = command.data;
      const problem = feesProblem(command.data);
      if (problem) return problem;
      if (state.status !== 'design_approved')
        return conflict('PERMIT.DESIGN_NOT_APPROVED', 'Fees are assessed on an approved design', state);
      return [{ type: 'FeesAssessed', data: { permitId, ruleSetVersion, lines, total } }];
    }
    case 'OverrideFee':
      return overrideFee(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'IssuePermit':
      return issuePermit(command, state);
    case 'ExpirePermit': {
      const problem = instantProblem(command.data.at, 'at');
      if (problem) return problem;
      if (!('validity' in state)) return notIssued(state);
      // Once the building is reported finished, the permit no longer runs out.
      if (state.status !== 'issued' || !isAtOrAfter(command.data.at, state.validity.validUntil)) return [];
      return [{ type: 'PermitExpired', data: { permitId, validUntil: state.validity.validUntil } }];
    }
    case 'RequestCompletion': {
      const problem = instantProblem(command.data.at, 'at');
      if (problem) return problem;
      if (state.status !== 'issued') {
        return 'validity' in state
          ? conflict('PERMIT.COMPLETION_ALREADY_REQUESTED', 'Completion is already requested', state)
          : notIssued(state);
      }
      const { validUntil } = state.validity;
      if (isAtOrAfter(command.data.at, validUntil))
        return conflict('PERMIT.EXPIRED', `The permit was valid until ${validUntil}`, state, { validUntil });
      return [{ type: 'CompletionRequested', data: { permitId } }];
    }
    case 'ReportInspection': {
      const { inspectorId, compliant, violations } = command.data;
      const problem = inspectionProblem(compliant, violations);
      if (problem) return problem;
      if (state.status !== 'completion_requested')
        return conflict('PERMIT.NOT_AWAITING_INSPECTION', 'No completion inspection is awaited', state);
      return [{ type: 'InspectionReported', data: { permitId, inspectorId, compliant, violations } }];
    }
    case 'ReferToCommission': {
      if (state.status === 'inspected') {
        return state.inspection.compliant
          ? conflict('PERMIT.NO_VIOLATIONS', 'The inspection found the building compliant', state)
          : [{ type: 'ReferredToCommission', data: { permitId } }];
      }
      return 'inspection' in state
        ? conflict('PERMIT.ALREADY_REFERRED', 'The file is already before the commission', state)
        : notInspected(state);
    }
    case 'RecordCommissionRuling': {
      const { ruling, fineAmount, reference, notes } = command.data;
      const problem = rulingProblem(command.data);
      if (problem) return problem;
      if (state.status !== 'in_commission')
        return conflict('PERMIT.NOT_IN_COMMISSION', 'The file is not before the commission', state);
      const data = {
        permitId,
        ruling,
        reference,
        ...(fineAmount === undefined ? {} : { fineAmount }),
        ...(notes === undefined ? {} : { notes }),
      };
      return [{ type: 'CommissionRuled', data }];
    }
    case 'IssueCompletionCertificate':
      return issueCompletionCertificate(command, state);
    case 'WithdrawPermit':
      if ('validity' in state) return alreadyIssued(state);
      return [{ type: 'PermitWithdrawn', data: { permitId } }];
    case 'RejectPermit': {
      const { reason } = command.data;
      const problem = reasonsProblem([reason]);
      if (problem) return problem;
      if (state.status === 'draft') return notSubmitted(state);
      if ('validity' in state) return alreadyIssued(state);
      return [{ type: 'PermitRejected', data: { permitId, reason } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function attach(command: Command<'AttachDocument'>, state: LiveState): Decision {
  const { permitId, attachment } = command.data;
  const problem = attachmentProblem(attachment);
  if (problem) return problem;
  if (!isEditable(state)) return notEditable(state);
  const same = state.attachments.find((a) => a.sha256 === attachment.sha256);
  if (same?.kind === attachment.kind) return [];
  if (same) {
    return conflict('PERMIT.DOCUMENT_ALREADY_ATTACHED', `The same file is attached as ${same.kind}`, state, {
      kind: same.kind,
    });
  }
  return [{ type: 'PermitDocumentAttached', data: { permitId, attachment } }];
}

function issueMapOrder(command: Command<'IssueMapOrder'>, state: LiveState): Decision {
  const { permitId, limits, ruleSetVersion } = command.data;
  if (!Number.isSafeInteger(ruleSetVersion) || ruleSetVersion < 1) {
    return new DomainError(
      'PERMIT.INVALID_MAP_ORDER',
      'The rule-set version is a positive integer',
      'invalid',
      {
        field: 'ruleSetVersion',
      },
    );
  }
  if (state.status !== 'surveyed') {
    return 'mapOrder' in state
      ? conflict('PERMIT.MAP_ORDER_ALREADY_ISSUED', 'The map order is issued', state)
      : conflict('PERMIT.NOT_SURVEYED', 'A map order needs the site visit first', state);
  }
  if (limits.parcelAreaM2 !== state.survey.measuredAreaM2) {
    return new DomainError(
      'PERMIT.INVALID_MAP_ORDER',
      `The limits must be computed on the measured area of ${state.survey.measuredAreaM2} m²`,
      'invalid',
      { field: 'limits.parcelAreaM2', measuredAreaM2: state.survey.measuredAreaM2 },
    );
  }
  return [{ type: 'MapOrderIssued', data: { permitId, limits, ruleSetVersion } }];
}

function nominateEngineer(command: Command<'NominateEngineer'>, state: LiveState): Decision {
  const { permitId } = command.data;
  const { organisation, engineerId } = command.data.nominee;
  const problem = nomineeProblem(command.data.nominee);
  if (problem) return problem;
  // A design under review or approved was made by the engineer nominated then.
  if ('design' in state && state.status !== 'design_returned') {
    return conflict(
      'PERMIT.NOMINATION_CLOSED',
      'The engineer is nominated before a design is submitted',
      state,
    );
  }
  if (state.nominee?.organisation === organisation && state.nominee.engineerId === engineerId) return [];
  const nominee = { organisation, ...(engineerId === undefined ? {} : { engineerId }) };
  return [{ type: 'EngineerNominated', data: { permitId, nominee } }];
}

/** Only the nominee submits the design: the engineer named, or any engineer of the office named. */
function notNominated(
  nominee: EngineerNominee | undefined,
  engineerId: string,
  organisation: string,
): DomainError | undefined {
  if (nominee?.organisation === organisation && (nominee.engineerId ?? engineerId) === engineerId) {
    return undefined;
  }
  const message = nominee
    ? 'Only the engineer the applicant nominated submits the design'
    : 'The applicant has not nominated an engineer for this file yet';
  return new DomainError('PERMIT.NOT_NOMINATED_ENGINEER', message, 'forbidden');
}

function approveDesign(command: Command<'ApproveDesign'>, state: LiveState): Decision {
  const { permitId, overrideReason } = command.data;
  if (state.status !== 'design_submitted') return noDesignToReview(state);
  const { violations } = state.design;
  if (violations.length === 0) return [{ type: 'DesignApproved', data: { permitId } }];
  if (overrideReason === undefined || overrideReason.trim() === '') {
    return conflict(
      'PERMIT.DESIGN_VIOLATES_LIMITS',
      'The design violates the map order; approving it needs a written reason',
      state,
      { violations },
    );
  }
  return (
    reasonsProblem([overrideReason], 'overrideReason') ?? [
      { type: 'DesignApproved', data: { permitId, override: { violations, reason: overrideReason } } },
    ]
  );
}

function overrideFee(command: Command<'OverrideFee'>, state: LiveState): Decision {
  const { permitId, line, to, reason } = command.data;
  const problem = reasonsProblem([reason]);
  if (problem) return problem;
  if (!isRials(to)) {
    return new DomainError(
      'PERMIT.INVALID_FEE_AMOUNT',
      'A fee is a whole, non-negative number of rials',
      'invalid',
      {
        field: 'to',
      },
    );
  }
  if (state.status !== 'fees_assessed') return 'fees' in state ? alreadyPaid(state) : feesNotAssessed(state);
  const current = state.fees.lines.find((l) => l.code === line);
  if (!current) {
    return new DomainError('PERMIT.UNKNOWN_FEE_LINE', `The fees have no line ${line}`, 'invalid', {
      field: 'line',
      lines: state.fees.lines.map((l) => l.code),
    });
  }
  if (current.amount === to) return [];
  const total = state.fees.total - current.amount + to;
  return [{ type: 'FeeOverridden', data: { permitId, line, from: current.amount, to, reason, total } }];
}

function recordPayment(command: Command<'RecordPayment'>, state: LiveState): Decision {
  const { permitId, purpose, reference, amount, channel, paidAt } = command.data;
  const problem = paymentProblem(command.data);
  if (problem) return problem;
  const used = state.payments.find((p) => p.reference === reference);
  if (used) {
    return conflict(
      'PAYMENT.REFERENCE_USED',
      `The reference ${reference} already paid the ${used.purpose}`,
      state,
      {
        purpose: used.purpose,
      },
    );
  }
  let expected: number;
  switch (purpose) {
    case 'fees':
      if (state.status !== 'fees_assessed')
        return 'fees' in state ? alreadyPaid(state) : feesNotAssessed(state);
      expected = state.fees.total;
      break;
    case 'fine':
      if (state.status !== 'fine_due') {
        return state.status === 'fine_paid'
          ? alreadyPaid(state)
          : conflict('PERMIT.NO_FINE_DUE', 'No commission fine is due', state);
      }
      expected = state.ruling.fineAmount ?? 0;
      break;
    default: {
      const unknown: never = purpose;
      return unknown;
    }
  }
  if (amount !== expected) {
    return conflict('PAYMENT.AMOUNT_MISMATCH', `The amount due is ${expected} rials`, state, { expected });
  }
  const payment = {
    permitId,
    purpose,
    reference,
    amount,
    channel,
    paidAt: canonicalInstant(paidAt) ?? paidAt,
  };
  return [{ type: 'PermitPaymentRecorded', data: payment }];
}

function issuePermit(command: Command<'IssuePermit'>, state: LiveState): Decision {
  const { permitId, at, validityMonths } = command.data;
  const issuedAt = canonicalInstant(at);
  if (issuedAt === undefined) return invalidTime('at');
  if (!Number.isInteger(validityMonths) || validityMonths < 1 || validityMonths > 120) {
    return new DomainError('PERMIT.INVALID_VALIDITY', 'The validity is 1 to 120 months', 'invalid', {
      field: 'validityMonths',
    });
  }
  if ('validity' in state) return alreadyIssued(state);
  if (!('fees' in state)) return feesNotAssessed(state);
  if (state.status === 'fees_assessed' && state.fees.total > 0) {
    return conflict('PERMIT.FEES_UNPAID', `${state.fees.total} rials of fees are unpaid`, state, {
      outstanding: state.fees.total,
    });
  }
  const validUntil = addMonthsUtc(issuedAt, validityMonths);
  return [{ type: 'PermitIssued', data: { permitId, issuedAt, validUntil } }];
}

function issueCompletionCertificate(
  command: Command<'IssueCompletionCertificate'>,
  state: LiveState,
): Decision {
  const { permitId, at } = command.data;
  const issuedAt = canonicalInstant(at);
  if (issuedAt === undefined) return invalidTime('at');
  const certificate: Decision = [{ type: 'CompletionCertificateIssued', data: { permitId, issuedAt } }];
  switch (state.status) {
    case 'fine_paid':
      return certificate;
    case 'inspected':
      if (state.inspection.compliant) return certificate;
      return conflict('PERMIT.NOT_COMPLIANT', 'The inspection found violations', state);
    case 'in_commission':
      return conflict('PERMIT.NOT_COMPLIANT', 'The commission has not ruled on the violations', state);
    case 'fine_due':
      return conflict('PERMIT.FINE_UNPAID', "The commission's fine is unpaid", state, {
        outstanding: state.ruling.fineAmount,
      });
    default:
      return notInspected(state);
  }
}

const isEditable = (state: LiveState) => state.status === 'draft' || state.status === 'returned';
const notEditable = (state: ExistingPermitState) =>
  conflict(
    'PERMIT.NOT_EDITABLE',
    'The application is changed and submitted only as a draft or returned',
    state,
  );
const notSubmitted = (state: ExistingPermitState) =>
  conflict('PERMIT.NOT_SUBMITTED', 'The application is not submitted', state);

/** Refuses a review step (take, return, assign a surveyor) outside the review. */
function notInReview(state: ExistingPermitState): DomainError {
  if (state.status === 'draft' || state.status === 'returned') return notSubmitted(state);
  if (state.status === 'submitted')
    return conflict('PERMIT.NOT_TAKEN', 'A clerk must take the file first', state);
  return conflict('PERMIT.NOT_UNDER_REVIEW', 'The file is past its review', state);
}

const noDesignToReview = (state: ExistingPermitState) =>
  conflict('PERMIT.NO_DESIGN_TO_REVIEW', 'No submitted design awaits review', state);
const feesNotAssessed = (state: ExistingPermitState) =>
  conflict('PERMIT.FEES_NOT_ASSESSED', 'The fees are not assessed yet', state);
const alreadyPaid = (state: ExistingPermitState) =>
  conflict('PERMIT.ALREADY_PAID', 'Nothing is outstanding', state);
const alreadyIssued = (state: ExistingPermitState) =>
  conflict('PERMIT.ALREADY_ISSUED', 'The permit is issued', state);
const notIssued = (state: ExistingPermitState) =>
  conflict('PERMIT.NOT_ISSUED', 'The permit is not issued', state);
const notInspected = (state: ExistingPermitState) =>
  conflict('PERMIT.NOT_INSPECTED', 'The completion inspection has not been reported', state);

/**
 * The building-permit file. Each command, the statuses it acts in, and its refusals (all 'conflict'
 * unless marked); `[]` marks a repetition that decides nothing.
 *
 * | command                    | acts in                          | refusals |
 * |----------------------------|----------------------------------|----------|
 * | OpenPermitDraft            | absent                           | ALREADY_EXISTS, INVALID_APPLICATION (invalid) |
 * | AttachDocument             | draft, returned                  | NOT_EDITABLE, DOCUMENT_ALREADY_ATTACHED (same file, other kind; same kind: []), INVALID_ATTACHMENT (invalid) |
 * | RemoveDocument             | draft, returned                  | NOT_EDITABLE, DOCUMENT_NOT_ATTACHED (not_found) |
 * | SubmitPermit               | draft, returned                  | NOT_EDITABLE, MISSING_DOCUMENTS (details.missing) |
 * | TakePermit                 | submitted, under_review          | NOT_SUBMITTED, NOT_UNDER_REVIEW; the same clerk: [] |
 * | ReturnPermit               | under_review                     | NOT_SUBMITTED, NOT_TAKEN, NOT_UNDER_REVIEW, REASON_REQUIRED (invalid) |
 * | AssignSurveyor             | under_review, surveying          | NOT_SUBMITTED, NOT_TAKEN, NOT_UNDER_REVIEW; the same surveyor: [] |
 * | ReportSiteVisit            | surveying                        | NOT_SURVEYING, NOT_ASSIGNED_SURVEYOR (forbidden), INVALID_SURVEY (invalid) |
 * | IssueMapOrder              | surveyed                         | NOT_SURVEYED, MAP_ORDER_ALREADY_ISSUED, INVALID_MAP_ORDER (invalid) |
 * | NominateEngineer           | draft to awaiting_design, design_returned | NOMINATION_CLOSED, INVALID_NOMINEE (invalid); the same nominee: [] |
 * | SubmitDesign               | awaiting_design, design_returned | NO_MAP_ORDER, DESIGN_NOT_EXPECTED, NOT_NOMINATED_ENGINEER (forbidden), INVALID_DESIGN (invalid) |
 * | ReturnDesign               | design_submitted                 | NO_DESIGN_TO_REVIEW, REASON_REQUIRED (invalid) |
 * | ApproveDesign              | design_submitted                 | NO_DESIGN_TO_REVIEW, DESIGN_VIOLATES_LIMITS (details.violations) |
 * | AssessFees                 | design_approved                  | DESIGN_NOT_APPROVED, INVALID_FEES (invalid); assessed already: [] |
 * | OverrideFee                | fees_assessed                    | FEES_NOT_ASSESSED, ALREADY_PAID, UNKNOWN_FEE_LINE, INVALID_FEE_AMOUNT, REASON_REQUIRED (invalid); same amount: [] |
 * | RecordPayment 'fees'       | fees_assessed                    | FEES_NOT_ASSESSED, ALREADY_PAID, PAYMENT.AMOUNT_MISMATCH (details.expected) |
 * | RecordPayment 'fine'       | fine_due                         | NO_FINE_DUE, ALREADY_PAID, PAYMENT.AMOUNT_MISMATCH |
 * | RecordPayment (both)       |                                  | PAYMENT.REFERENCE_USED (for the other purpose), PAYMENT.INVALID_* (invalid); a reference recorded: [] in any status |
 * | IssuePermit                | paid; fees_assessed at total 0   | FEES_NOT_ASSESSED, FEES_UNPAID, ALREADY_ISSUED, INVALID_VALIDITY (invalid) |
 * | ExpirePermit               | issued, when at ≥ validUntil     | NOT_ISSUED; before validUntil, once completion is requested, or expired: [] |
 * | RequestCompletion          | issued, when at < validUntil     | NOT_ISSUED, EXPIRED, COMPLETION_ALREADY_REQUESTED |
 * | ReportInspection           | completion_requested             | NOT_AWAITING_INSPECTION, VIOLATIONS_REQUIRED, INVALID_INSPECTION (invalid) |
 * | ReferToCommission          | inspected with violations        | NOT_INSPECTED, NO_VIOLATIONS, ALREADY_REFERRED |
 * | RecordCommissionRuling     | in_commission                    | NOT_IN_COMMISSION, INVALID_RULING (invalid) |
 * | IssueCompletionCertificate | inspected compliant, fine_paid   | NOT_INSPECTED, NOT_COMPLIANT, FINE_UNPAID |
 * | WithdrawPermit             | any status before issued         | ALREADY_ISSUED |
 * | RejectPermit               | any status after draft, before issued | NOT_SUBMITTED, ALREADY_ISSUED, REASON_REQUIRED (invalid) |
 *
 * Codes are PERMIT.* unless named otherwise. Every command but OpenPermitDraft is PERMIT.NOT_FOUND
 * (not_found) on an absent file and PERMIT.CLOSED on a closed one; times are PERMIT.INVALID_TIME
 * (invalid). A fine ruling leaves the file at fine_due until the fine is paid, then the signatory
 * issues the certificate; a demolition ruling closes it (demolition_ordered).
 */
export const permitDecider: Decider<PermitCommand, PermitState, PermitEvent> = {
  initialState: initialPermitState,
  evolve: evolvePermit,
  decide,
};
