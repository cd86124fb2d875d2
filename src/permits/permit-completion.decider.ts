import { type Decision, type LiveState, type Command, conflict, revoked } from './permit-decision.js';
import { notAssigned, stageNotInspected, stageViolationsPending } from './permit-inspection.decider.js';
import { inspectionProblem, instantProblem, invalidTime, rulingProblem } from './permit-inputs.js';
import { canonicalInstant, isAtOrAfter } from './permit-time.js';
import type { PermitCommand } from './permit.commands.js';
import type { ExistingPermitState } from './permit.state.js';

export type CompletionCommand = Extract<
  PermitCommand,
  {
    readonly type:
      | 'ExpirePermit'
      | 'RequestCompletion'
      | 'ReportInspection'
      | 'ReferToCommission'
      | 'RecordCommissionRuling'
      | 'IssueCompletionCertificate';
  }
>;

/** The permit file's phase of the permit’s validity, the completion inspection, the commission and the certificate. */
export function decideCompletion(command: CompletionCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  switch (command.type) {
    case 'ExpirePermit': {
      const problem = instantProblem(command.data.at, 'at');
      if (problem) return problem;
      if (!('validity' in state)) return notIssued(state);
      // Once the building is reported finished, the permit no longer runs out; nor once a renewal is paid.
      const running = state.status === 'issued' || state.status === 'renewal_requested';
      if (!running || !isAtOrAfter(command.data.at, state.validity.validUntil)) return [];
      return [{ type: 'PermitExpired', data: { permitId, validUntil: state.validity.validUntil } }];
    }
    case 'RequestCompletion': {
      const problem = instantProblem(command.data.at, 'at');
      if (problem) return problem;
      if (state.status === 'renewal_requested' || state.status === 'renewal_paid')
        return conflict('PERMIT.RENEWAL_PENDING', 'Completion waits for the renewal', state);
      if (state.status !== 'issued') {
        if (!('validity' in state)) return notIssued(state);
        return (
          stageViolationsPending(state) ??
          conflict('PERMIT.COMPLETION_ALREADY_REQUESTED', 'Completion is already requested', state)
        );
      }
      if (state.revocation) return revoked(state, state.revocation);
      const { validUntil } = state.validity;
      if (isAtOrAfter(command.data.at, validUntil))
        return conflict('PERMIT.EXPIRED', `The permit was valid until ${validUntil}`, state, { validUntil });
      return stageNotInspected(state, true) ?? [{ type: 'CompletionRequested', data: { permitId } }];
    }
    case 'ReportInspection': {
      const { inspectorId, compliant, violations } = command.data;
      const problem = inspectionProblem(compliant, violations);
      if (problem) return problem;
      if (state.status !== 'completion_requested')
        return conflict('PERMIT.NOT_AWAITING_INSPECTION', 'No completion inspection is awaited', state);
      if (state.revocation) return revoked(state, state.revocation);
      // A file with stages has its completion inspector assigned; one without, any inspector.
      const assigned = state.inspectionAssignment;
      if (state.inspectionPlan && (assigned?.stage !== 'completion' || assigned.inspectorId !== inspectorId))
        return notAssigned();
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
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function issueCompletionCertificate(
  command: Command<'IssueCompletionCertificate'>,
  state: LiveState,
): Decision {
  const { permitId, at } = command.data;
  const issuedAt = canonicalInstant(at);
  if (issuedAt === undefined) return invalidTime('at');
  if ('validity' in state && state.revocation) return revoked(state, state.revocation);
  const certificate: Decision = [{ type: 'CompletionCertificateIssued', data: { permitId, issuedAt } }];
  switch (state.status) {
    case 'fine_paid':
      // A stage's fine paid: construction goes on to the stages left.
      return stageNotInspected(state, false) ?? certificate;
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

/** Records that the file's permit document no longer stands; `[]` for a code recorded already is the caller's. */
export function recordRevocation(
  command: Command<'RecordPermitRevocation'>,
  state: ExistingPermitState,
): Decision {
  const { permitId, code, reason, revokedAt, supersededBy } = command.data;
  const at = canonicalInstant(revokedAt);
  if (at === undefined) return invalidTime('revokedAt');
  if (!('validity' in state)) return notIssued(state);
  const data = {
    permitId,
    code,
    reason,
    revokedAt: at,
    ...(supersededBy === undefined ? {} : { supersededBy }),
  };
  return [{ type: 'PermitRevoked', data }];
}

const notInspected = (state: ExistingPermitState) =>
  conflict('PERMIT.NOT_INSPECTED', 'The completion inspection has not been reported', state);

const notIssued = (state: ExistingPermitState) =>
  conflict('PERMIT.NOT_ISSUED', 'The permit is not issued', state);
