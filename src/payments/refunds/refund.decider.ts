import type { Decider } from '../../event-store/command-handling/decider.js';
import { canonicalInstant } from '../../permits/permit-time.js';
import { DomainError } from '../../shared/domain-error.js';
import type { FileHolding } from './file-holding.js';
import type { RefundEvent } from './refund.events.js';

type DataOf<T extends RefundEvent['type']> = Extract<RefundEvent, { type: T }>['data'];
type Request = DataOf<'RefundRequested'>;

export type RefundCommand =
  /**
   * `paid`: what the gateway confirmed of the payment (0 if nothing came in); `file`: what its permit
   * file holds of it. Without `amount`, all that is left of the payment.
   */
  | {
      readonly type: 'RequestRefund';
      readonly data: Omit<Request, 'amount'> & { readonly amount?: number };
      readonly paid: number;
      readonly file: FileHolding;
    }
  | { readonly type: 'ApproveRefund'; readonly data: DataOf<'RefundApproved'> }
  | { readonly type: 'DeclineRefund'; readonly data: DataOf<'RefundDeclined'> }
  | { readonly type: 'StartRefundPayout'; readonly data: DataOf<'RefundPayoutStarted'> }
  | { readonly type: 'FailRefundPayout'; readonly data: DataOf<'RefundPayoutFailed'> }
  | { readonly type: 'PayRefund'; readonly data: Omit<DataOf<'RefundPaid'>, 'permitId' | 'amount'> };

/** `paying`: the gateway was asked to pay it out, and its answer is not recorded yet. */
export type RefundStatus = 'requested' | 'approved' | 'declined' | 'paying' | 'paid';

export type Refund = {
  readonly status: RefundStatus;
  readonly request: Request;
  readonly approvedBy?: string;
  readonly refundReference?: string;
};

/** Every refund of one payment, by refund id. */
export type RefundsState = { readonly refunds: Readonly<Record<string, Refund>> };

type Decision = readonly RefundEvent[] | DomainError;

const REFERENCE = /^[\x21-\x7e]{1,64}$/;
const MAX_REASON_LENGTH = 500;
const METHODS = new Set(['gateway', 'cash_desk']);

export const refundNotFound = (refundId: string) =>
  new DomainError('REFUND.NOT_FOUND', `There is no refund ${refundId}`, 'not_found', { refundId });

const invalid = (code: string, message: string, field: string) =>
  new DomainError(code, message, 'invalid', { field });

const conflict = (code: string, message: string, refund: Refund, details = {}) =>
  new DomainError(code, `${message} (the refund is ${refund.status})`, 'conflict', {
    status: refund.status,
    ...details,
  });

const isText = (text: unknown, max: number): text is string =>
  typeof text === 'string' && text.trim().length > 0 && text.length <= max;

/** What of a payment is asked back already: every refund counts but a declined one. */
const asked = (state: RefundsState) =>
  Object.values(state.refunds)
    .filter((refund) => refund.status !== 'declined')
    .reduce((sum, refund) => sum + refund.request.amount, 0);

/**
 * Money the file keeps is not refunded: a payment it recorded, unless the file was withdrawn or
 * rejected before a permit was issued on it. A payment the file refused it never held.
 */
const fileKeeps = (file: FileHolding) =>
  file.holds > 0 && (file.issued || (file.status !== 'withdrawn' && file.status !== 'rejected'));

function decide(command: RefundCommand, state: RefundsState): Decision {
  const refund = state.refunds[command.data.refundId];
  if (command.type === 'RequestRefund') {
    if (refund) return conflict('REFUND.ALREADY_EXISTS', 'The refund exists', refund);
    return request(command, state);
  }
  if (!refund) return refundNotFound(command.data.refundId);
  switch (command.type) {
    case 'ApproveRefund': {
      if (refund.status !== 'requested') {
        return refund.approvedBy === command.data.approvedBy
          ? []
          : conflict('REFUND.NOT_REQUESTED', 'Only a requested refund is approved', refund);
      }
      if (command.data.approvedBy === refund.request.requestedBy) return sameApprover();
      return [{ type: 'RefundApproved', data: command.data }];
    }
    case 'DeclineRefund': {
      if (refund.status === 'declined') return [];
      if (refund.status !== 'requested')
        return conflict('REFUND.NOT_REQUESTED', 'Only a requested refund is declined', refund);
      if (command.data.declinedBy === refund.request.requestedBy) return sameApprover();
      if (!isText(command.data.reason, MAX_REASON_LENGTH))
        return invalid('REFUND.REASON_REQUIRED', 'Say why the refund is declined', 'reason');
      return [{ type: 'RefundDeclined', data: command.data }];
    }
    case 'StartRefundPayout':
      return (
        notPayable(refund) ??
        (refund.status === 'approved'
          ? [{ type: 'RefundPayoutStarted', data: command.data }]
          : payingAlready(refund))
      );
    case 'FailRefundPayout':
      return refund.status === 'paying'
        ? [{ type: 'RefundPayoutFailed', data: command.data }]
        : conflict('REFUND.NOT_PAYING', 'Only a payout under way fails', refund);
    case 'PayRefund':
      return pay(command.data, refund);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function request(command: Extract<RefundCommand, { type: 'RequestRefund' }>, state: RefundsState): Decision {
  const { data, paid, file } = command;
  const refundable = paid - asked(state);
  const all = data.amount === undefined;
  const amount = data.amount ?? refundable;
  // Asking for all of a payment already given back is asking for too much, not for nothing.
  if (!all && (!Number.isSafeInteger(amount) || amount <= 0))
    return invalid('REFUND.INVALID_AMOUNT', 'The amount is a positive whole number of rials', 'amount');
  if (!isText(data.reason, MAX_REASON_LENGTH))
    return invalid('REFUND.REASON_REQUIRED', 'Say why the money is refunded', 'reason');
  if (fileKeeps(file)) {
    return new DomainError(
      'REFUND.FILE_KEEPS_PAYMENT',
      `The permit file (${file.status}) keeps this payment: only money the file refused or no longer keeps is refunded`,
      'conflict',
      { fileStatus: file.status, issued: file.issued },
    );
  }
  if (amount > refundable || refundable <= 0) {
    return new DomainError(
      'REFUND.EXCEEDS_PAYMENT',
      `At most ${refundable} rials of the payment are left to refund`,
      'conflict',
      { refundable },
    );
  }
  return [{ type: 'RefundRequested', data: { ...data, amount } }];
}

/** Why a refund cannot be paid out at all now: paid already, or not approved. */
function notPayable(refund: Refund, refundReference?: string): DomainError | readonly [] | undefined {
  if (refund.status === 'paid')
    return refund.refundReference === refundReference
      ? []
      : conflict('REFUND.ALREADY_PAID', `The refund was paid as ${refund.refundReference}`, refund);
  if (refund.status !== 'approved' && refund.status !== 'paying')
    return conflict('REFUND.NOT_APPROVED', 'Only an approved refund is paid', refund);
  return undefined;
}

/** The gateway was asked already: its answer, or a cashier who checked its panel, settles the payout. */
const payingAlready = (refund: Refund) =>
  conflict('REFUND.PAYOUT_IN_PROGRESS', 'The gateway is paying the refund out already', refund);

function pay(data: Extract<RefundCommand, { type: 'PayRefund' }>['data'], refund: Refund): Decision {
  const { refundId, method, refundReference, paidAt } = data;
  const refusal = notPayable(refund, refundReference);
  if (refusal) return refusal;
  if (!METHODS.has(method))
    return invalid(
      'REFUND.INVALID_METHOD',
      'A refund is paid through the gateway or at the cash desk',
      'method',
    );
  // Through the gateway, only after the payout was recorded as started; at the desk, not while it runs.
  if (refund.status === 'paying' && method !== 'gateway') return payingAlready(refund);
  if (refund.status === 'approved' && method === 'gateway')
    return conflict('REFUND.PAYOUT_NOT_STARTED', 'A gateway payout is started before it is paid', refund);
  if (typeof refundReference !== 'string' || !REFERENCE.test(refundReference))
    return invalid(
      'REFUND.INVALID_REFERENCE',
      'The reference is 1 to 64 visible ASCII characters',
      'refundReference',
    );
  const at = canonicalInstant(paidAt);
  if (at === undefined)
    return invalid('REFUND.INVALID_TIME', 'paidAt must be a UTC ISO-8601 instant', 'paidAt');
  const { permitId, amount } = refund.request;
  return [{ type: 'RefundPaid', data: { refundId, permitId, amount, method, refundReference, paidAt: at } }];
}

/** The four-eyes rule (اصل دو امضا): whoever asked for the money back does not also decide on it. */
const sameApprover = () =>
  new DomainError(
    'REFUND.SAME_APPROVER',
    'A second person decides on a refund, not the one who requested it',
    'forbidden',
  );

function evolveRefund(refund: Refund, event: Exclude<RefundEvent, { type: 'RefundRequested' }>): Refund {
  switch (event.type) {
    case 'RefundApproved':
      return { ...refund, status: 'approved', approvedBy: event.data.approvedBy };
    case 'RefundDeclined':
      return { ...refund, status: 'declined' };
    case 'RefundPayoutStarted':
      return { ...refund, status: 'paying' };
    case 'RefundPayoutFailed':
      return { ...refund, status: 'approved' };
    case 'RefundPaid':
      return { ...refund, status: 'paid', refundReference: event.data.refundReference };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function evolve(state: RefundsState, event: RefundEvent): RefundsState {
  const { refundId } = event.data;
  const refund = state.refunds[refundId];
  if (event.type === 'RefundRequested')
    return { refunds: { ...state.refunds, [refundId]: { status: 'requested', request: event.data } } };
  return refund ? { refunds: { ...state.refunds, [refundId]: evolveRefund(refund, event) } } : state;
}

/**
 * The refunds (استرداد وجه) of one payment. Each command, where its refund acts, and its refusals;
 * `[]` marks a repetition that decides nothing.
 *
 * | command           | acts in          | refusals |
 * |-------------------|------------------|----------|
 * | RequestRefund     | a new refund id  | ALREADY_EXISTS, FILE_KEEPS_PAYMENT (details.fileStatus, issued), EXCEEDS_PAYMENT (details.refundable), INVALID_AMOUNT, REASON_REQUIRED (invalid) |
 * | ApproveRefund     | requested        | SAME_APPROVER (forbidden), NOT_REQUESTED; approved by the same person: [] |
 * | DeclineRefund     | requested        | SAME_APPROVER (forbidden), NOT_REQUESTED, REASON_REQUIRED (invalid); declined: [] |
 * | StartRefundPayout | approved         | PAYOUT_IN_PROGRESS, NOT_APPROVED, ALREADY_PAID |
 * | FailRefundPayout  | paying           | NOT_PAYING |
 * | PayRefund         | approved (cash desk), paying (gateway) | NOT_APPROVED, ALREADY_PAID, PAYOUT_IN_PROGRESS, PAYOUT_NOT_STARTED, INVALID_METHOD, INVALID_REFERENCE, INVALID_TIME (invalid); paid with the same reference: [] |
 *
 * Codes are REFUND.*, conflicts unless marked; every command but RequestRefund is REFUND.NOT_FOUND
 * (not_found) for a refund id the payment does not have. What is left of the payment is decided here,
 * at the stream's revision: two requests at once cannot both be given the same money.
 */
export const refundDecider: Decider<RefundCommand, RefundsState, RefundEvent> = {
  initialState: () => ({ refunds: {} }),
  evolve,
  decide,
};
