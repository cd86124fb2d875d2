import type { Decider } from '../event-store/command-handling/decider.js';
import { PAYMENT_PURPOSES } from '../permits/permit.events.js';
import { canonicalInstant } from '../permits/permit-time.js';
import { DomainError } from '../shared/domain-error.js';
import type { GatewayName, PaymentEvent } from './payment.events.js';

type DataOf<T extends PaymentEvent['type']> = Extract<PaymentEvent, { type: T }>['data'];
type Intent = DataOf<'PaymentStarted'>;
/** The gateway that gives its word: only the intent's own gateway may settle it. */
type FromGateway<T> = T & { readonly gateway: GatewayName };

export type PaymentCommand =
  /** The payer (or a counter office for them): `amount` is what the file owes now. */
  | { readonly type: 'StartPayment'; readonly data: Intent }
  /** The gateway: a signed callback (the sandbox) or a server-to-server verification (Zarinpal). */
  | { readonly type: 'ConfirmPayment'; readonly data: FromGateway<DataOf<'PaymentConfirmed'>> }
  | { readonly type: 'FailPayment'; readonly data: FromGateway<DataOf<'PaymentFailed'>> }
  /** System: the intent's time ran out; `startedAt` is when it was started. */
  | { readonly type: 'ExpirePayment'; readonly data: DataOf<'PaymentExpired'> }
  /** System: the permit file refused the confirmed payment. */
  | { readonly type: 'RejectPaymentByFile'; readonly data: DataOf<'PaymentRejectedByFile'> };

export type PaymentStatus = 'started' | 'failed' | 'expired' | 'confirmed' | 'rejected_by_file';

export type PaymentState =
  | { readonly status: 'absent' }
  | { readonly status: 'started' | 'failed' | 'expired'; readonly intent: Intent }
  | {
      readonly status: 'confirmed' | 'rejected_by_file';
      readonly intent: Intent;
      readonly reference: string;
    };

type ExistingPaymentState = Exclude<PaymentState, { readonly status: 'absent' }>;
type Decision = readonly PaymentEvent[] | DomainError;

/** A gateway reference: 1 to 64 visible ASCII characters, as cash-desk receipts. */
const REFERENCE = /^[\x21-\x7e]{1,64}$/;
const MAX_REASON_LENGTH = 500;

export const paymentNotFound = (paymentId: string) =>
  new DomainError('PAYMENT.NOT_FOUND', `There is no payment ${paymentId}`, 'not_found', { paymentId });

const invalid = (code: string, message: string, field: string) =>
  new DomainError(code, message, 'invalid', { field });

const conflict = (code: string, message: string, state: ExistingPaymentState, details = {}) =>
  new DomainError(code, `${message} (the payment is ${state.status})`, 'conflict', {
    status: state.status,
    ...details,
  });

const isConfirmed = (
  state: ExistingPaymentState,
): state is Extract<PaymentState, { status: 'confirmed' | 'rejected_by_file' }> =>
  state.status === 'confirmed' || state.status === 'rejected_by_file';

function decide(command: PaymentCommand, state: PaymentState): Decision {
  if (command.type === 'StartPayment') {
    if (state.status !== 'absent') return conflict('PAYMENT.ALREADY_EXISTS', 'The payment exists', state);
    return intentProblem(command.data) ?? [{ type: 'PaymentStarted', data: command.data }];
  }
  if (state.status === 'absent') return paymentNotFound(command.data.paymentId);
  switch (command.type) {
    case 'ConfirmPayment':
      return wrongGateway(command.data.gateway, state) ?? confirm(command.data, state);
    case 'FailPayment': {
      const { gateway, ...data } = command.data;
      const refusal = wrongGateway(gateway, state);
      if (refusal) return refusal;
      if (isConfirmed(state)) return alreadyConfirmed(state);
      if (state.status === 'failed' || state.status === 'expired') return [];
      if (!isText(data.reason, MAX_REASON_LENGTH))
        return invalid('PAYMENT.REASON_REQUIRED', 'Say why the payment failed', 'reason');
      return [{ type: 'PaymentFailed', data }];
    }
    case 'ExpirePayment': {
      if (state.status === 'expired') return [];
      if (state.status !== 'started')
        return conflict('PAYMENT.NOT_STARTED', 'Only a payment still waiting for the gateway expires', state);
      return [{ type: 'PaymentExpired', data: command.data }];
    }
    case 'RejectPaymentByFile': {
      if (state.status === 'rejected_by_file') return [];
      if (state.status !== 'confirmed')
        return conflict('PAYMENT.NOT_CONFIRMED', 'Only a confirmed payment is refused by its file', state);
      return [{ type: 'PaymentRejectedByFile', data: command.data }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

/** A gateway's word on another gateway's intent proves nothing about the money (a sandbox page is not Zarinpal). */
function wrongGateway(gateway: GatewayName, state: ExistingPaymentState): DomainError | undefined {
  const expected = state.intent.gateway;
  if (gateway === expected) return undefined;
  return conflict('PAYMENT.WRONG_GATEWAY', `The payment goes through ${expected}, not ${gateway}`, state, {
    expected,
  });
}

function confirm(data: FromGateway<DataOf<'PaymentConfirmed'>>, state: ExistingPaymentState): Decision {
  const { paymentId, reference, amount, paidAt } = data;
  if (isConfirmed(state)) return state.reference === reference ? [] : alreadyConfirmed(state);
  if (typeof reference !== 'string' || !REFERENCE.test(reference))
    return invalid(
      'PAYMENT.INVALID_REFERENCE',
      'The reference is 1 to 64 visible ASCII characters',
      'reference',
    );
  const at = canonicalInstant(paidAt);
  if (at === undefined)
    return invalid('PAYMENT.INVALID_TIME', 'paidAt must be a UTC ISO-8601 instant', 'paidAt');
  const expected = state.intent.amount;
  if (amount !== expected) {
    return conflict('PAYMENT.AMOUNT_MISMATCH', `The payment asked for ${expected} rials`, state, {
      expected,
    });
  }
  return [{ type: 'PaymentConfirmed', data: { paymentId, reference, amount, paidAt: at } }];
}

function intentProblem(intent: Intent): DomainError | undefined {
  if (!(PAYMENT_PURPOSES as readonly string[]).includes(intent.purpose))
    return invalid('PAYMENT.INVALID_PURPOSE', 'A payment is for the fees, a fine or a renewal', 'purpose');
  if (!Number.isSafeInteger(intent.amount) || intent.amount <= 0)
    return invalid('PAYMENT.INVALID_AMOUNT', 'The amount is a positive whole number of rials', 'amount');
  return undefined;
}

const alreadyConfirmed = (state: Extract<PaymentState, { reference: string }>) =>
  conflict('PAYMENT.ALREADY_CONFIRMED', `The payment was confirmed as ${state.reference}`, state, {
    reference: state.reference,
  });

const isText = (text: unknown, max: number): text is string =>
  typeof text === 'string' && text.trim().length > 0 && text.length <= max;

function evolve(state: PaymentState, event: PaymentEvent): PaymentState {
  switch (event.type) {
    case 'PaymentStarted':
      return { status: 'started', intent: event.data };
    case 'PaymentConfirmed':
      return state.status === 'absent'
        ? state
        : { status: 'confirmed', intent: state.intent, reference: event.data.reference };
    case 'PaymentFailed':
      return state.status === 'absent' ? state : { status: 'failed', intent: state.intent };
    case 'PaymentExpired':
      return state.status === 'started' ? { status: 'expired', intent: state.intent } : state;
    case 'PaymentRejectedByFile':
      return state.status === 'confirmed' ? { ...state, status: 'rejected_by_file' } : state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * An online payment (پرداخت اینترنتی) of a permit file's fees or fine. Each command, where it acts,
 * and its refusals; `[]` marks a repetition that decides nothing.
 *
 * | command             | acts in                     | refusals |
 * |---------------------|-----------------------------|----------|
 * | StartPayment        | absent                      | ALREADY_EXISTS, INVALID_PURPOSE, INVALID_AMOUNT (invalid) |
 * | ConfirmPayment      | started, failed, expired    | WRONG_GATEWAY (details.expected), AMOUNT_MISMATCH (details.expected), INVALID_REFERENCE, INVALID_TIME (invalid); confirmed: the same reference [], another ALREADY_CONFIRMED |
 * | FailPayment         | started                     | WRONG_GATEWAY, ALREADY_CONFIRMED, REASON_REQUIRED (invalid); failed, expired: [] |
 * | ExpirePayment       | started                     | NOT_STARTED; expired already: [] |
 * | RejectPaymentByFile | confirmed                   | NOT_CONFIRMED; rejected already: [] |
 *
 * Codes are PAYMENT.*, conflicts unless marked; every command but StartPayment is PAYMENT.NOT_FOUND
 * (not_found) on an absent payment. A confirmation after a failure is accepted: the gateway's signed
 * word that money moved outweighs an earlier cancellation, and an expiry too: money taken after the
 * intent's time ran out is still recorded as confirmed, and the file (or a refund) deals with it.
 */
export const paymentDecider: Decider<PaymentCommand, PaymentState, PaymentEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
