import type { PermitEvent } from '../../permits/permit.events.js';
import { evolvePermit, initialPermitState, type PermitStatus } from '../../permits/permit.state.js';

/** What the permit file says of one payment: the refund decider's fact on whether the file keeps it. */
export type FileHolding = {
  readonly status: PermitStatus;
  /** A permit was issued on the file once: fees paid for it are earned. */
  readonly issued: boolean;
  /** Rials of this payment the file recorded; 0 if it refused the payment or never saw it. */
  readonly holds: number;
};

/** The file's holding of the payment with the gateway's `reference`, from the file's history. */
export function fileHolding(history: readonly PermitEvent[], reference: string | undefined): FileHolding {
  const file = history.reduce(evolvePermit, initialPermitState());
  const recorded = file.status === 'absent' ? [] : file.payments;
  return {
    status: file.status,
    issued: history.some((event) => event.type === 'PermitIssued'),
    holds: recorded
      .filter((payment) => reference !== undefined && payment.reference === reference)
      .reduce((sum, payment) => sum + payment.amount, 0),
  };
}
