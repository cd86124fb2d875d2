import { DomainError } from '../shared/domain-error.js';
import { type Decision, type LiveState, type Command, conflict, alreadyIssued } from './permit-decision.js';
import {
  feesProblem,
  invalidTime,
  isRials,
  paymentProblem,
  reasonsProblem,
  validityProblem,
} from './permit-inputs.js';
import { addMonthsUtc, canonicalInstant } from './permit-time.js';
import type { PermitCommand } from './permit.commands.js';
import type { ExistingPermitState } from './permit.state.js';

export type PaymentCommand = Extract<
  PermitCommand,
  { readonly type: 'AssessFees' | 'OverrideFee' | 'RecordPayment' | 'IssuePermit' }
>;

/** The permit file's phase of the fees, their payment, and the permit. */
export function decidePayment(command: PaymentCommand, state: LiveState): Decision {
  const { permitId } = command.data;
  switch (command.type) {
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
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

const alreadyPaid = (state: ExistingPermitState) =>
  conflict('PERMIT.ALREADY_PAID', 'Nothing is outstanding', state);

const feesNotAssessed = (state: ExistingPermitState) =>
  conflict('PERMIT.FEES_NOT_ASSESSED', 'The fees are not assessed yet', state);

function issuePermit(command: Command<'IssuePermit'>, state: LiveState): Decision {
  const { permitId, at, validityMonths, inspectionStages } = command.data;
  const issuedAt = canonicalInstant(at);
  if (issuedAt === undefined) return invalidTime('at');
  const invalidValidity = validityProblem(validityMonths);
  if (invalidValidity) return invalidValidity;
  // A revoked permit is replaced by a new one, with its own validity; any other issued one stands. The
  // file goes on where it was (inspections, violations, fines stand): a completion asked for under the
  // revoked permit is asked anew, and a renewal requested is dropped, unpaid. A renewal paid for is
  // the signatory's RenewPermit instead, whose document replaces the revoked one: no fee is lost.
  if ('validity' in state && !state.revocation) return alreadyIssued(state);
  if (state.status === 'renewal_paid') {
    const message = 'The renewal fee is paid: renew the permit, which replaces the revoked document';
    return conflict('PERMIT.RENEWAL_PAID', message, state, { code: state.revocation?.code });
  }
  if (!('fees' in state)) return feesNotAssessed(state);
  if (state.status === 'fees_assessed' && state.fees.total > 0) {
    return conflict('PERMIT.FEES_UNPAID', `${state.fees.total} rials of fees are unpaid`, state, {
      outstanding: state.fees.total,
    });
  }
  const validUntil = addMonthsUtc(issuedAt, validityMonths);
  const stages = inspectionStages === undefined ? {} : { inspectionStages };
  const replaces = 'revocation' in state && state.revocation ? { replaces: state.revocation.code } : {};
  return [{ type: 'PermitIssued', data: { permitId, issuedAt, validUntil, ...stages, ...replaces } }];
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
  const { permitId, purpose, reference, amount, channel, office, paidAt } = command.data;
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
    case 'renewal':
      if (state.status !== 'renewal_requested') {
        return state.status === 'renewal_paid'
          ? alreadyPaid(state)
          : conflict('PERMIT.NO_RENEWAL_DUE', 'No renewal fee is due', state);
      }
      expected = state.renewal.total;
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
    ...(office === undefined ? {} : { office }),
    paidAt: canonicalInstant(paidAt) ?? paidAt,
  };
  return [{ type: 'PermitPaymentRecorded', data: payment }];
}
