import { Query } from '@nestjs/cqrs';
import type { PaymentView } from '../../../projections/payments/payments.projection.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';

export class GetPaymentQuery extends Query<PaymentView> {
  constructor(
    readonly paymentId: string,
    readonly caller: Caller,
  ) {
    super();
  }
}
