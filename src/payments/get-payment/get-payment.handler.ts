import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PaymentView } from '../../../projections/payments/payments.projection.js';
import { PaymentAccess } from '../payment-access.js';
import { GetPaymentQuery } from './get-payment.query.js';

@QueryHandler(GetPaymentQuery)
export class GetPaymentHandler implements IQueryHandler<GetPaymentQuery> {
  constructor(private readonly access: PaymentAccess) {}

  async execute({ paymentId, caller }: GetPaymentQuery): Promise<PaymentView> {
    return this.access.readable(caller, paymentId);
  }
}
