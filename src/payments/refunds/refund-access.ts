import { Injectable } from '@nestjs/common';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { RecordAccess, RecordScope } from '../../identity/record-access.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { PAYMENT_READERS } from '../payment-readers.js';
import { refundNotFound } from './refund.decider.js';
import { RefundsReadModel, type RefundView } from './refunds.read-model.js';

/** The payer (or a counter office acting for them) and the staff of the file's municipality read refunds. */
export const REFUND_READERS = PAYMENT_READERS;

type ByWhom<T> = Omit<T, 'by'> & { readonly by?: string };
type Attempt = NonNullable<RefundView['payoutAttempt']>;

/** A refund as its reader sees it: staff user ids (`by`, `requestedBy`) for staff only. */
export type RefundAnswer = Omit<RefundView, 'requestedBy' | 'approval' | 'decline' | 'payoutAttempt'> & {
  readonly requestedBy?: string;
  readonly approval?: ByWhom<NonNullable<RefundView['approval']>>;
  readonly decline?: ByWhom<NonNullable<RefundView['decline']>>;
  readonly payoutAttempt?: ByWhom<Omit<Attempt, 'failure'>> & {
    readonly failure?: ByWhom<NonNullable<Attempt['failure']>>;
  };
};

/** The payer learns that the refund was approved or declined, and when; which staff member did it is the municipality's. */
export function refundAnswer(access: RecordAccess, refund: RefundView): RefundAnswer {
  if (access === 'staff') return refund;
  const { requestedBy: _requestedBy, approval, decline, payoutAttempt, ...rest } = refund;
  const failure = payoutAttempt?.failure;
  return {
    ...rest,
    ...(approval && { approval: { at: approval.at } }),
    ...(decline && { decline: { reason: decline.reason, at: decline.at } }),
    ...(payoutAttempt && {
      payoutAttempt: {
        method: payoutAttempt.method,
        at: payoutAttempt.at,
        ...(failure && { failure: { code: failure.code, at: failure.at } }),
      },
    }),
  };
}

@Injectable()
export class RefundAccess {
  constructor(
    private readonly refunds: RefundsReadModel,
    private readonly permits: PermitsReadModel,
  ) {}

  /** The refund, answered like a missing one (404 REFUND.NOT_FOUND) to whoever may not read it. */
  readable(caller: Caller, refundId: string): RefundView {
    const refund = this.refunds.get(refundId);
    if (!refund || caller.accessTo(this.scopeOf(refund)) === 'none') throw refundNotFound(refundId);
    return refund;
  }

  /** For staff decisions: the refund, 404 to anyone but staff of its municipality (and region). */
  handled(caller: Caller, refundId: string): RefundView {
    const refund = this.readable(caller, refundId);
    if (caller.accessTo(this.scopeOf(refund)) !== 'staff') throw refundNotFound(refundId);
    return refund;
  }

  /** `refund` as `caller` sees it. */
  answer(caller: Caller, refund: RefundView): RefundAnswer {
    return refundAnswer(caller.accessTo(this.scopeOf(refund)), refund);
  }

  scopeOf(refund: Pick<RefundView, 'permitId' | 'municipality' | 'payerNationalId'>): RecordScope {
    const region = this.permits.get(refund.permitId)?.region;
    return {
      municipality: refund.municipality,
      ownerNationalIds: [refund.payerNationalId],
      ...(region ? { region } : {}),
    };
  }
}
