import { Query } from '@nestjs/cqrs';
import type { PaymentView } from '../../../projections/payments/payments.projection.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { RefundAnswer } from '../refunds/refund-access.js';

/** The payment and the refunds (استرداد وجه) of it: what its payer is owed back, and was paid. */
export type PaymentWithRefunds = PaymentView & { readonly refunds: RefundAnswer[] };

export class GetPaymentQuery extends Query<PaymentWithRefunds> {
  constructor(
    readonly paymentId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
